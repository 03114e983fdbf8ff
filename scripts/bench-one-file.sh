#!/usr/bin/env bash
# Editor latency of one file in program scope (docs/editors.md, "Latency"),
# against the compiler's own syntax check of that file, measured in the same
# run, interleaved, median of RUNS:
#
#   scripts/bench-one-file.sh DB_DIR FILE [RUNS]
#
#   floor        clang-19 -fsyntax-only with FILE's first compile DB entry
#   unchanged    conc-lint -p DB -f json FILE, warm cache, nothing changed
#   buffer       conc-lint -p DB -f json --stdin-filename FILE < edited buffer
#                (FILE plus one new function, a new one each run: FILE is
#                parsed, the other TUs come from the cache, the whole program
#                is linked and the rules run)
#   buffer-tu    the same with --scope file (FILE's TU alone: parse, no link)
#
# wall and CPU (user + system) seconds, and each one's ratio to the floor.
# The cache is warmed first by a whole-program run. Environment: CONC_LINT
# (default build/conc-lint), CLANG (default clang-19), BENCH_DIR (default
# /tmp/conc-lint-bench/one-file), JOBS (conc-lint -j, default nproc).
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
die() { echo "bench-one-file: error: $*" >&2; exit 2; }
[ $# -ge 2 ] || die "usage: scripts/bench-one-file.sh DB_DIR FILE [RUNS]"
[ -d "$1" ] || die "no directory '$1'"
db=$(cd "$1" && pwd) runs=${3:-9}
bin=${CONC_LINT:-$REPO/build/conc-lint}
out=${BENCH_DIR:-/tmp/conc-lint-bench/one-file}
jobs=${JOBS:-$(nproc)}
mkdir -p "$out"
rm -rf "$out/cache"
file=$("$REPO/scripts/one-file-floor.sh" "$db" "$2" "$out")

cl=("$bin" -j "$jobs" -q -f json --cache-dir "$out/cache" -p "$db")
"${cl[@]}" > /dev/null 2>&1 || [ $? -eq 1 ] # warm the cache: every summary, the result entry

: > "$out/times"
timed() { # timed LABEL CMD...: one line "LABEL wall user sys" into times
  local label=$1; shift
  /usr/bin/time -o "$out/one.time" -f '%e %U %S' "$@" > /dev/null 2>&1 || true
  echo "$label $(cat "$out/one.time" | tail -n 1)" >> "$out/times"
}
for r in $(seq 1 "$runs"); do
  cp "$file" "$out/buffer.c"
  printf '\nint conc_lint_bench_edit_%s_%s(void) { return %s; }\n' "$$" "$r" "$r" >> "$out/buffer.c"
  timed floor bash "$out/floor.sh"
  timed unchanged "${cl[@]}" "$file"
  timed buffer sh -c '"$@" < "$0"' "$out/buffer.c" "${cl[@]}" --stdin-filename "$file"
  timed buffer-tu sh -c '"$@" < "$0"' "$out/buffer.c" "${cl[@]}" --scope file \
    --stdin-filename "$file"
done

python3 - "$out/times" "$file" "$(wc -l < "$file")" "$runs" <<'EOF'
import statistics, sys
rows = {}
for ln in open(sys.argv[1]):
    label, wall, user, sys_ = ln.split()
    rows.setdefault(label, []).append((float(wall), float(user) + float(sys_)))
med = {k: (statistics.median(w for w, _ in v), statistics.median(c for _, c in v)) for k, v in rows.items()}
fw, fc = med["floor"]
print("%s (%s lines), median of %s runs each, interleaved" % (sys.argv[2], sys.argv[3], sys.argv[4]))
print("%-10s %9s %9s %10s %10s" % ("", "wall s", "CPU s", "wall/floor", "CPU/floor"))
for k in ("floor", "unchanged", "buffer", "buffer-tu"):
    w, c = med[k]
    print("%-10s %9.3f %9.3f %9.2fx %9.2fx" % (k, w, c, w / fw if fw else 0, c / fc if fc else 0))
EOF
