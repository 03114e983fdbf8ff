#!/usr/bin/env bash
# Language server latency (docs/editors.md, "Language server"): the time from
# an edit of FILE reaching `conc-lint lsp` to the publishDiagnostics of FILE,
# against the compiler's own syntax check of FILE, interleaved, median of RUNS:
#
#   scripts/bench-lsp.sh DB_DIR FILE [RUNS]
#
#   floor     clang-19 -fsyntax-only with FILE's first compile DB entry
#   edit      didChange (FILE plus one new function, a new one each run) and
#             didSave: FILE's buffer is parsed, the other TUs' summaries are
#             the server's in-memory ones, the whole program is linked, the
#             rules run
#   save      didSave with nothing changed since the last analysis
#
# The server is started once, FILE opened, and its first analysis (which
# fills the cache and the server's memory) is not counted. Environment:
# CONC_LINT (default build/conc-lint), CLANG (default clang-19), BENCH_DIR
# (default /tmp/conc-lint-bench/lsp), JOBS (conc-lint -j, default nproc).
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
die() { echo "bench-lsp: error: $*" >&2; exit 2; }
[ $# -ge 2 ] || die "usage: scripts/bench-lsp.sh DB_DIR FILE [RUNS]"
db=$(cd "$1" && pwd) runs=${3:-5} # (cd says why when DB_DIR is no directory)
out=${BENCH_DIR:-/tmp/conc-lint-bench/lsp}
mkdir -p "$out"
rm -rf "$out/cache"
file=$("$REPO/scripts/one-file-floor.sh" "$db" "$2" "$out")

python3 - "$REPO" "${CONC_LINT:-$REPO/build/conc-lint}" "$db" "$file" "$runs" "$out" \
  "${JOBS:-$(nproc)}" <<'PY'
import pathlib, statistics, subprocess, sys, time
repo, bin_, db, file, runs, out, jobs = sys.argv[1:8]
sys.path.insert(0, repo + "/tests")
from lsp_client import Client
path = pathlib.Path(file)
uri, text = path.as_uri(), path.read_text(errors="surrogateescape")
log = open(out + "/server.log", "wb")
c = Client([bin_, "lsp", "-p", db, "--cache-dir", out + "/cache", "-j", jobs], db, log)
def published():
    c.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics"
           and m["params"]["uri"] == uri, 600, "diagnostics of " + file)
rid = c.request("initialize", {"processId": None, "rootUri": pathlib.Path(db).as_uri(),
                               "capabilities": {}})
c.response(rid, 60)
c.notify("initialized", {})
t = time.monotonic()
c.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "c",
                                                   "version": 1, "text": text}})
published()
first = time.monotonic() - t
rows = {"floor": [], "edit": [], "save": []}
for r in range(1, int(runs) + 1):
    t = time.monotonic()
    subprocess.run(["bash", out + "/floor.sh"], stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    rows["floor"].append(time.monotonic() - t)
    edited = text + "\nint conc_lint_bench_edit_%d(void) { return %d; }\n" % (r, r)
    t = time.monotonic()
    c.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": r + 1},
                                        "contentChanges": [{"text": edited}]})
    c.notify("textDocument/didSave", {"textDocument": {"uri": uri}})
    published()
    rows["edit"].append(time.monotonic() - t)
    t = time.monotonic()
    c.notify("textDocument/didSave", {"textDocument": {"uri": uri}})
    published()
    rows["save"].append(time.monotonic() - t)
rid = c.request("shutdown", None)
c.response(rid, 60)
c.notify("exit", None)
c.proc.wait(60)
floor = statistics.median(rows["floor"])
print("%s (%d lines), first analysis %.2f s, median of %s runs each, interleaved (wall)"
      % (file, text.count("\n"), first, runs))
for k in ("floor", "edit", "save"):
    m = statistics.median(rows[k])
    print("%-6s %8.3f s %8.2fx" % (k, m, m / floor if floor else 0))
PY
