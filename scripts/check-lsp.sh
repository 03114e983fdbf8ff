#!/usr/bin/env bash
# The language server's analyses against analyses from scratch, on a real
# program (docs/editors.md, "Language server", --check):
#
#   scripts/check-lsp.sh DB_DIR FILE
#
# Starts `conc-lint lsp --check` on the compile database in DB_DIR, opens
# FILE, then edits it: a new function appended, a line in the middle
# deleted (a changed body, or a parse error), every third line from the
# middle on deleted, the original text back, and a save. After each
# analysis the server analyzes again from scratch and logs whether the
# diagnostics agree. Prints each check's verdict; exit status 1 when one
# differs or fails. Slow: a cold run of the whole program per step.
# Environment: CONC_LINT (default build/conc-lint), CHECK_DIR (default
# /tmp/conc-lint-check-lsp: the server's log and cache), JOBS (-j, nproc).
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
die() { echo "check-lsp: error: $*" >&2; exit 2; }
[ $# -eq 2 ] || die "usage: scripts/check-lsp.sh DB_DIR FILE"
db=$(cd "$1" && pwd)
[ -f "$2" ] || die "no file '$2'"
file=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")
out=${CHECK_DIR:-/tmp/conc-lint-check-lsp}
mkdir -p "$out"
rm -rf "$out/cache"

python3 - "$REPO" "${CONC_LINT:-$REPO/build/conc-lint}" "$db" "$file" "$out" \
  "${JOBS:-$(nproc)}" <<'PY'
import pathlib, sys
repo, bin_, db, file, out, jobs = sys.argv[1:7]
sys.path.insert(0, repo + "/tests")
from lsp_client import Client
path = pathlib.Path(file)
uri, text = path.as_uri(), path.read_text(errors="surrogateescape")
log_path = pathlib.Path(out) / "server.log"
log = open(log_path, "wb")
c = Client([bin_, "lsp", "--check", "-p", db, "--cache-dir", out + "/cache", "-j", jobs],
           db, log)
def settle():
    c.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics"
           and m["params"]["uri"] == uri, 3600, "diagnostics of " + file)
    rid = c.request("conc-lint/ping", None)  # answered once the check is done
    c.response(rid, 3600)
rid = c.request("initialize", {"processId": None, "rootUri": pathlib.Path(db).as_uri(),
                               "capabilities": {}})
c.response(rid, 60)
c.notify("initialized", {})
c.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "c",
                                                   "version": 1, "text": text}})
settle()
lines = text.split("\n")
mid = len(lines) // 2
edits = [("function appended", text + "\nint conc_lint_check_edit(void) { return 1; }\n"),
         ("line %d deleted" % (mid + 1), "\n".join(lines[:mid] + lines[mid + 1:])),
         ("every third line from %d on deleted" % (mid + 1),
          "\n".join(lines[:mid] + [l for i, l in enumerate(lines[mid:]) if i % 3 != 0])),
         ("original text", text)]
for v, (what, edited) in enumerate(edits, start=2):
    c.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": v},
                                        "contentChanges": [{"text": edited}]})
    settle()
    print("edit: " + what)
c.notify("textDocument/didSave", {"textDocument": {"uri": uri}})
settle()
rid = c.request("shutdown", None)
c.response(rid, 60)
c.notify("exit", None)
c.proc.wait(60)
log.close()
verdicts = [l for l in log_path.read_text(errors="replace").splitlines()
            if "conc-lint lsp: check:" in l]
for l in verdicts:
    print(l)
bad = [l for l in verdicts if "same diagnostics" not in l]
if len(verdicts) != len(edits) + 2 or bad:
    print("check-lsp: %d of %d checks differ or failed (%d expected); log in %s"
          % (len(bad), len(verdicts), len(edits) + 2, log_path))
    sys.exit(1)
print("check-lsp: all %d analyses agree with their analysis from scratch" % len(verdicts))
PY
