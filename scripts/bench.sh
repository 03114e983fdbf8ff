#!/usr/bin/env bash
# Speed and memory benchmark of conc-lint on real Debian source packages and on
# a synthetic program. Documented in docs/benchmarks.md.
#
#   scripts/bench.sh [--quick] [--no-synthetic | --synthetic-only] [PKG...]
#
# For each package (default: memcached redis mosquitto libmicrohttpd), fetched and
# built with scripts/corpus.sh when its work dir has no compile DB yet, measures in
# the same run, with the same -j, over the same TUs (each .c file's first compile
# DB entry and its build variants, as conc-lint reads them: syntax-jobs.py):
#   floor       clang-19 -fsyntax-only, same args as the DB entries, xargs -P JOBS
#   cold        conc-lint --cache-dir EMPTY_TEMP_DIR --stats -f sarif
#   warm        the same command again, same cache dir, nothing changed (the
#               findings come from the cache's result entry: no link, no rules)
#   relink      the same again after deleting the result entries: summaries
#               from the cache, then link and rules (what a change costs beyond
#               re-parsing the changed TUs)
#   clang-tidy  run-clang-tidy-19 -p DB -j JOBS with only the concurrency checks
# wall seconds, peak RSS and CPU seconds (/usr/bin/time -f '%e %M %U %S') of each
# (for the floor and clang-tidy, peak RSS is the largest single process), the median of RUNS
# runs, the ratios cold/floor, cold/clang-tidy and warm/cold, and conc-lint's own
# --stats split (summarize, link, rules, report).
# Then a memory scaling check: conc-lint on scripts/gen-synthetic.py programs of
# SYNTH_N and 2*SYNTH_N TUs (or the sizes in SYNTH_SIZES), cold and warm, side by side.
#
# --quick: memcached only, RUNS=1, synthetic at SYNTH_N=200 (and 400).
#
# Environment:
#   RUNS          timed runs of each tool, median reported (default 3)
#   JOBS          -j for every tool (default nproc)
#   CORPUS_DIR    corpus work dirs, as in scripts/corpus.sh (default /tmp/conc-lint-corpus)
#   BENCH_DIR     where the DBs, logs, caches and results go (default /tmp/conc-lint-bench)
#   CONC_LINT     conc-lint binary (default: build/conc-lint, built if missing, copied
#                 to BENCH_DIR first so a rebuild during the run does not change it)
#   CLANG         floor compiler (default clang-19)
#   RUN_CLANG_TIDY, CLANG_TIDY   (default run-clang-tidy-19, clang-tidy-19; installed
#                 with apt-get as clang-tidy-19 if missing)
#   SYNTH_N       TUs of the smaller synthetic program (default 1000; 0 skips it)
#   SYNTH_SIZES   the synthetic sizes instead, e.g. "1000 10000" (default "SYNTH_N 2*SYNTH_N")
#
# Nothing is written inside the repository. Runs as root when it has to install
# clang-tidy-19 or fetch a package.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
die() { echo "bench: error: $*" >&2; exit 1; }
log() { echo "bench: $*" >&2; }

QUICK=0
SYNTH=1
PACKAGES=1
PKGS=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --quick) QUICK=1 ;;
    --no-synthetic) SYNTH=0 ;;
    --synthetic-only) PACKAGES=0 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    -*) echo "usage: scripts/bench.sh [--quick] [--no-synthetic | --synthetic-only] [PKG...]" >&2; exit 2 ;;
    *) [[ "$1" =~ ^[a-z0-9][a-z0-9.+-]+$ ]] || die "'$1' is not a Debian package name"
       PKGS+=("$1") ;;
  esac
  shift
done
if [[ $QUICK -eq 1 ]]; then
  [[ ${#PKGS[@]} -gt 0 ]] || PKGS=(memcached)
  RUNS="${RUNS:-1}"
  SYNTH_N="${SYNTH_N:-200}"
fi
[[ ${#PKGS[@]} -gt 0 ]] || PKGS=(memcached redis mosquitto libmicrohttpd)
RUNS="${RUNS:-3}"
JOBS="${JOBS:-$(nproc)}"
SYNTH_N="${SYNTH_N:-1000}"
CLANG="${CLANG:-clang-19}"
RUN_CLANG_TIDY="${RUN_CLANG_TIDY:-run-clang-tidy-19}"
CLANG_TIDY="${CLANG_TIDY:-clang-tidy-19}"
TIDY_CHECKS='-*,concurrency-*,bugprone-spuriously-wake-up-functions'
[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || die "RUNS must be a positive integer"
[[ "$JOBS" =~ ^[1-9][0-9]*$ ]] || die "JOBS must be a positive integer"
[[ "$SYNTH_N" =~ ^[0-9]+$ ]] || die "SYNTH_N must be a non-negative integer"
SYNTH_SIZES="${SYNTH_SIZES:-$SYNTH_N $((2 * SYNTH_N))}"
for n in $SYNTH_SIZES; do [[ "$n" =~ ^[0-9]+$ ]] || die "SYNTH_SIZES: '$n' is not a number"; done
[[ $SYNTH_N -gt 0 ]] || SYNTH=0
[[ $PACKAGES -eq 1 ]] || PKGS=()
CORPUS_ROOT="${CORPUS_DIR:-/tmp/conc-lint-corpus}"
BENCH="${BENCH_DIR:-/tmp/conc-lint-bench}"
mkdir -p "$BENCH"
BENCH="$(cd "$BENCH" && pwd -P)"
case "$BENCH/" in
  "$(cd "$REPO" && pwd -P)/"*) die "BENCH_DIR ($BENCH) is inside the repository; use a directory outside it" ;;
esac
export DEBIAN_FRONTEND=noninteractive

# --- tools ----------------------------------------------------------------------
[[ -x /usr/bin/time ]] || { [[ $EUID -eq 0 ]] || die "/usr/bin/time missing (apt-get install time)";
  apt-get -o DPkg::Lock::Timeout=600 install -y -q --no-install-recommends time >/dev/null || die "cannot install time"; }
command -v python3 >/dev/null || die "python3 not found"
command -v "$CLANG" >/dev/null || die "$CLANG not found (run scripts/setup.sh)"
if ! command -v "$RUN_CLANG_TIDY" >/dev/null || ! command -v "$CLANG_TIDY" >/dev/null; then
  [[ $EUID -eq 0 ]] || die "$RUN_CLANG_TIDY / $CLANG_TIDY missing and not root: apt-get install clang-tidy-19"
  log "installing clang-tidy-19"
  apt-get -o DPkg::Lock::Timeout=600 install -y -q --no-install-recommends clang-tidy-19 >/dev/null 2>&1 \
    || { apt-get -o DPkg::Lock::Timeout=600 update -q >/dev/null && \
         apt-get -o DPkg::Lock::Timeout=600 install -y -q --no-install-recommends clang-tidy-19 >/dev/null; } \
    || die "apt-get install clang-tidy-19 failed"
  command -v "$RUN_CLANG_TIDY" >/dev/null || die "$RUN_CLANG_TIDY still not found"
fi
if [[ -n "${CONC_LINT:-}" ]]; then
  [[ -x "$CONC_LINT" ]] || die "CONC_LINT=$CONC_LINT is not an executable"
else
  [[ -x "$REPO/build/conc-lint" ]] || "$REPO/scripts/build.sh" >&2 || die "scripts/build.sh failed"
  CONC_LINT="$REPO/build/conc-lint"
fi
cp "$CONC_LINT" "$BENCH/conc-lint.tmp" && mv "$BENCH/conc-lint.tmp" "$BENCH/conc-lint"
CL="$BENCH/conc-lint"
log "conc-lint: $("$CL" --version | head -n 1) (copy of $CONC_LINT), -j$JOBS, RUNS=$RUNS"

# --- helpers --------------------------------------------------------------------
# timed OUTFILE LOG CMD...: run CMD with stdout+stderr to LOG; append
# "WALL RSS_KB USER SYS RC" to OUTFILE (USER and SYS include all child processes).
timed() {
  local out="$1" logf="$2"; shift 2
  local rc=0
  /usr/bin/time -f '%e %M %U %S' -o "$out.one" "$@" >"$logf" 2>&1 || rc=$?
  # /usr/bin/time prints "Command exited with non-zero status N" before the figures.
  printf '%s %s\n' "$(tail -n 1 "$out.one")" "$rc" >> "$out"
  rm -f "$out.one"
}
# stats_line LOG: conc-lint's --stats timing line, or nothing.
stats_line() { grep -m 1 'wall: summarize' "$1" || true; }

corpus_db() {
  # corpus_db PKG: the package's compile DB path, or nothing.
  local d
  d="$(find "$CORPUS_ROOT/$1/src" -mindepth 1 -maxdepth 1 -type d 2>/dev/null | sort | head -n 1)"
  [[ -n "$d" && -s "$d/compile_commands.json" ]] && grep -q '"file"' "$d/compile_commands.json" \
    && printf '%s\n' "$d/compile_commands.json"
}

ensure_pkg() {
  # Fetch and build PKG with scripts/corpus.sh when it has no compile DB yet.
  # corpus.sh measures once after building (RUNS=1 here); its numbers are not used.
  local pkg="$1"
  corpus_db "$pkg" >/dev/null && return 0
  log "$pkg: no compile DB under $CORPUS_ROOT/$pkg: scripts/corpus.sh $pkg (log: $BENCH/$pkg.corpus.log)"
  mkdir -p "$BENCH"
  RUNS=1 CONC_LINT="$CL" CORPUS_DIR="$CORPUS_ROOT" \
    "$REPO/scripts/corpus.sh" "$pkg" >"$BENCH/$pkg.corpus.log" 2>&1 || true
  corpus_db "$pkg" >/dev/null || { tail -n 15 "$BENCH/$pkg.corpus.log" >&2; return 1; }
}

RESULTS="$BENCH/results.txt"
: > "$RESULTS"
emit() { printf '%s\n' "$*" | tee -a "$RESULTS"; }
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }
emit "# conc-lint bench $(date -u +%Y-%m-%dT%H:%M:%SZ) on $(nproc) CPUs, -j$JOBS, RUNS=$RUNS, load average $(loadavg)"
emit "# $("$CL" --version | head -n 1); $("$CLANG" --version | head -n 1); $("$CLANG_TIDY" --version | grep -m 1 -i version | sed 's/^ *//')"

bench_pkg() {
  local pkg="$1" db src out
  db="$(corpus_db "$pkg")" || return 1
  src="$(dirname "$db")"
  out="$BENCH/$pkg"
  rm -rf "$out"; mkdir -p "$out/db"
  # The TU list: each .c file's first entry and its build variants, as conc-lint's DB reader takes them.
  # out/db/compile_commands.json holds exactly those entries (absolute directories):
  # conc-lint and clang-tidy both read it, and the floor runs the same args.
  python3 "$REPO/scripts/syntax-jobs.py" "$db" "$CLANG" "$out/floor.jobs" "$out/tus.txt" \
    --db-out "$out/db/compile_commands.json"
  local ntu loc
  ntu=$(wc -l < "$out/tus.txt")
  [[ $ntu -gt 0 ]] || { log "$pkg: no C TUs in $db"; return 1; }
  loc=$(tr '\n' '\0' < "$out/tus.txt" | xargs -0 cat | wc -l)
  log "$pkg: $ntu TUs, $loc lines of C, $RUNS run(s) of floor, cold, warm, clang-tidy"
  local load0; load0="$(loadavg)"

  local r cache
  for ((r = 1; r <= RUNS; r++)); do
    # The four tools in turn, each run of each in the same round, so load
    # from elsewhere on the machine spreads over all of them.
    timed "$out/floor.times" "$out/floor.$r.log" \
      bash -c 'tr "\n" "\0" < "$1" | xargs -0 -P "$2" -n 1 bash -c' _ "$out/floor.jobs" "$JOBS"
    cache="$(mktemp -d "$BENCH/cache.XXXXXX")"
    timed "$out/cold.times" "$out/cold.$r.log" \
      "$CL" -p "$out/db" -j "$JOBS" --cache-dir "$cache" --stats -f sarif -o "$out/cold.sarif" "$src"
    timed "$out/warm.times" "$out/warm.$r.log" \
      "$CL" -p "$out/db" -j "$JOBS" --cache-dir "$cache" --stats -f sarif -o "$out/warm.sarif" "$src"
    rm -f "$cache"/*.clres
    timed "$out/relink.times" "$out/relink.$r.log" \
      "$CL" -p "$out/db" -j "$JOBS" --cache-dir "$cache" --stats -f sarif -o "$out/relink.sarif" "$src"
    rm -rf "$cache"
    timed "$out/tidy.times" "$out/tidy.$r.log" \
      "$RUN_CLANG_TIDY" -clang-tidy-binary "$(command -v "$CLANG_TIDY")" -p "$out/db" -j "$JOBS" \
      -checks="$TIDY_CHECKS" -quiet
    stats_line "$out/cold.$r.log" >> "$out/cold.stats"
    stats_line "$out/warm.$r.log" >> "$out/warm.stats"
    stats_line "$out/relink.$r.log" >> "$out/relink.stats"
  done
  local t
  for t in cold warm relink; do
    local rc
    rc=$(awk '{ print $5 }' "$out/$t.times" | sort -n | tail -n 1)
    [[ $rc -le 1 ]] || { tail -n 5 "$out/$t.$RUNS.log" >&2; log "$pkg: conc-lint $t exited $rc (logs in $out)"; }
  done
  cmp -s "$out/cold.sarif" "$out/warm.sarif" || log "$pkg: warning: cold and warm SARIF differ"
  cmp -s "$out/cold.sarif" "$out/relink.sarif" || log "$pkg: warning: cold and relink SARIF differ"

  python3 - "$pkg" "$ntu" "$loc" "$out" "$load0" "$(loadavg)" <<'PY' | tee -a "$RESULTS"
import re, statistics, sys
pkg, ntu, loc, out, load0, load1 = sys.argv[1:7]
def times(name):
    rows = [l.split() for l in open("%s/%s.times" % (out, name)) if l.strip()]
    wall = statistics.median(float(r[0]) for r in rows)
    rss = statistics.median(int(r[1]) for r in rows)
    cpu = statistics.median(float(r[2]) + float(r[3]) for r in rows)
    rcs = sorted(set(r[4] for r in rows))
    return wall, rss, rcs, cpu
def stats(name):
    keys = ("summarize", "link", "rules", "report", "total")
    vals = {k: [] for k in keys}
    cpu = {"parse": [], "lower": []}
    for l in open("%s/%s.stats" % (out, name)):
        for k in keys:
            m = re.search(r"\b%s ([0-9.]+)s" % k, l)
            if m: vals[k].append(float(m.group(1)))
        for k in cpu:
            m = re.search(r"\b%s ([0-9.]+)s" % k, l)
            if m: cpu[k].append(float(m.group(1)))
    med = lambda v: statistics.median(v) if v else float("nan")
    return {k: med(v) for k, v in list(vals.items()) + list(cpu.items())}
floor, cold, warm, relink, tidy = (times(n) for n in ("floor", "cold", "warm", "relink", "tidy"))
cs, ws, rs = stats("cold"), stats("warm"), stats("relink")
n = len(open("%s/floor.times" % out).readlines())
print()
print("## %s: %s TUs, %s lines of C, median of %d run(s); load average before %s, after %s" % (pkg, ntu, loc, n, load0, load1))
print("%-34s %9s %12s %9s  %s" % ("", "wall s", "peak RSS MB", "CPU s", "exit"))
for label, (w, m, rc, c) in (("clang-19 -fsyntax-only (floor)", floor),
                          ("conc-lint cold", cold), ("conc-lint warm", warm),
                          ("conc-lint relink", relink),
                          ("clang-tidy concurrency checks", tidy)):
    print("%-34s %9.2f %12.1f %9.2f  %s" % (label, w, m / 1024.0, c, ",".join(rc)))
r = lambda a, b: a / b if b > 0 else float("nan")
print("ratios: cold/floor %.2fx (target <= 0.75x)   cold/clang-tidy %.2fx (target < 1)   warm/cold %.3f (target < 0.05)"
      % (r(cold[0], floor[0]), r(cold[0], tidy[0]), r(warm[0], cold[0])))
print("same ratios in CPU seconds (less sensitive to other load): cold/floor %.2fx   cold/clang-tidy %.2fx   warm/cold %.3f"
      % (r(cold[3], floor[3]), r(cold[3], tidy[3]), r(warm[3], cold[3])))
for label, s in (("cold", cs), ("warm", ws), ("relink", rs)):
    print("conc-lint %s --stats: summarize %.3fs, link %.3fs, rules %.3fs, report %.3fs, total %.3fs; worker cpu parse %.2fs, lower %.2fs"
          % (label, s["summarize"], s["link"], s["rules"], s["report"], s["total"], s["parse"], s["lower"]))
PY
}

FAILED=()
for pkg in "${PKGS[@]}"; do
  if ! ensure_pkg "$pkg"; then
    log "$pkg: fetch/build failed: skipped"; FAILED+=("$pkg"); continue
  fi
  bench_pkg "$pkg" || { log "$pkg: benchmark failed: skipped"; FAILED+=("$pkg"); }
done

# --- synthetic memory scaling ---------------------------------------------------------
if [[ $SYNTH -eq 1 ]]; then
  emit ""
  emit "## synthetic program (scripts/gen-synthetic.py, seed 1): conc-lint at $SYNTH_SIZES TUs, -j$JOBS, one cold, one warm and one relink run each; load average $(loadavg)"
  for n in $SYNTH_SIZES; do
    d="$BENCH/synthetic-$n"
    if [[ ! -s "$d/compile_commands.json" ]] || \
       [[ "$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))))' "$d/compile_commands.json")" != "$n" ]]; then
      python3 "$REPO/scripts/gen-synthetic.py" "$n" "$d" 2>"$BENCH/synthetic-$n.gen.log"
    fi
    log "synthetic: $n TUs, cold, warm, relink"
    cache="$d.cache"; rm -rf "$cache" "$d.times"; mkdir -p "$cache"
    timed "$d.times" "$d.cold.log" "$CL" -p "$d" -j "$JOBS" --cache-dir "$cache" --stats -f sarif -o "$d.cold.sarif" "$d"
    timed "$d.times" "$d.warm.log" "$CL" -p "$d" -j "$JOBS" --cache-dir "$cache" --stats -f sarif -o "$d.warm.sarif" "$d"
    rm -f "$cache"/*.clres
    timed "$d.times" "$d.relink.log" "$CL" -p "$d" -j "$JOBS" --cache-dir "$cache" --stats -f sarif -o "$d.relink.sarif" "$d"
    cmp -s "$d.cold.sarif" "$d.relink.sarif" || log "synthetic $n: warning: cold and relink SARIF differ"
    rm -rf "$cache"
  done
  python3 - "$BENCH" $SYNTH_SIZES <<'PY' | tee -a "$RESULTS"
import re, sys
bench, sizes = sys.argv[1], [int(x) for x in sys.argv[2:]]
def stat(line, key):
    m = re.search(r"\b%s ([0-9.]+)s" % key, line)
    return float(m.group(1)) if m else float("nan")
def model(line, key):
    m = re.search(r"(\d+) %s" % key, line)
    return int(m.group(1)) if m else 0
cols = []
for k in sizes:
    d = "%s/synthetic-%d" % (bench, k)
    t = [l.split() for l in open(d + ".times")]
    cold_l = next((l for l in open(d + ".cold.log") if "wall: summarize" in l), "")
    warm_l = next((l for l in open(d + ".relink.log") if "wall: summarize" in l), "")
    loc = sum(open("%s/src/tu%05d.c" % (d, i)).read().count("\n") for i in range(k))
    cols.append({"n": k, "loc": loc, "cold_wall": float(t[0][0]), "cold_rss": int(t[0][1]) / 1024.0,
                 "warm_wall": float(t[1][0]), "warm_rss": int(t[1][1]) / 1024.0,
                 "relink_wall": float(t[2][0]), "relink_rss": int(t[2][1]) / 1024.0,
                 "summ": stat(cold_l, "summarize"), "clink": stat(cold_l, "link"), "crules": stat(cold_l, "rules"),
                 "link": stat(warm_l, "link"), "rules": stat(warm_l, "rules"), "report": stat(warm_l, "report"),
                 "funcs": model(warm_l, "functions"), "threads": model(warm_l, "threads"),
                 "acc": model(warm_l, "accesses"), "find": model(warm_l, "findings"),
                 "cold_cpu": float(t[0][2]) + float(t[0][3]), "warm_cpu": float(t[1][2]) + float(t[1][3]),
                 "rc": "%s/%s/%s" % (t[0][4], t[1][4], t[2][4])})
rows = [("TUs", "n", "%d"), ("lines of C", "loc", "%d"), ("functions", "funcs", "%d"),
        ("threads", "threads", "%d"), ("accesses", "acc", "%d"), ("findings", "find", "%d"),
        ("cold wall s", "cold_wall", "%.2f"), ("cold peak RSS MB", "cold_rss", "%.1f"), ("cold CPU s", "cold_cpu", "%.2f"),
        ("cold summarize s", "summ", "%.3f"), ("cold link s", "clink", "%.3f"), ("cold rules s", "crules", "%.3f"),
        ("warm wall s", "warm_wall", "%.2f"), ("warm peak RSS MB", "warm_rss", "%.1f"), ("warm CPU s", "warm_cpu", "%.2f"),
        ("relink wall s", "relink_wall", "%.2f"), ("relink peak RSS MB", "relink_rss", "%.1f"),
        ("relink link s", "link", "%.3f"), ("relink rules s", "rules", "%.3f"), ("relink report s", "report", "%.3f"),
        ("exit cold/warm/relink", "rc", "%s")]
head = "%-20s" % "" + "".join(" %12s" % ("N=%d" % c["n"]) for c in cols)
if len(cols) > 1:
    head += " %9s" % ("last/first")
print(head)
for label, k, f in rows:
    line = "%-20s" % label + "".join(" %12s" % (f % c[k]) for c in cols)
    a, b = cols[0][k], cols[-1][k]
    if len(cols) > 1 and not isinstance(a, str) and a:
        line += " %9.2f" % (b / a)
    print(line)
PY
fi

[[ ${#FAILED[@]} -eq 0 ]] || log "not measured: ${FAILED[*]}"
log "results: $RESULTS (logs, DBs and SARIF under $BENCH)"
