#!/bin/sh
# one-file-scope.sh CONC_LINT DIR - program scope (docs/editors.md, "One
# file, whole program"): for every .c and .h file of the folder DIR (which
# has its own compile_commands.json), `conc-lint -p DIR FILE` reports exactly
# the findings of the whole-program run `conc-lint -p DIR` located in FILE
# (the whole JSON objects: message, related locations, thread flows), both
# without a cache and from a warm one. Then, on a copy with one file edited,
# the one-file run parses only that file and still equals a fresh
# whole-program run. Works in a copy of DIR under $TMPDIR.
set -eu
bin=$1 src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp -R "$src" "$tmp/src"
dir=$tmp/src
cache=$tmp/cache

# same WHOLE.json ONE.json FILE: the findings of ONE equal those of WHOLE in FILE.
same() {
  python3 - "$1" "$2" "$3" <<'EOF'
import json, sys
whole, one = (json.load(open(p)) for p in sys.argv[1:3])
file = sys.argv[3]
want = [f for f in whole["findings"] if f["file"] == file]
got = one["findings"]
if want != got:
    print("program scope differs for", file)
    print("  whole-program run, filtered:", json.dumps(want, indent=1)[:4000])
    print("  one-file run:", json.dumps(got, indent=1)[:4000])
    sys.exit(1)
print("same:", file, len(got), "findings")
EOF
}

run() { # run OUT ARGS...: a JSON report into OUT; exit 0 or 1 only
  out=$1; shift
  rc=0
  "$bin" -q -f json "$@" > "$out" 2> "$tmp/stderr" || rc=$?
  if [ "$rc" -gt 1 ]; then
    echo "conc-lint $* exited $rc:"; cat "$tmp/stderr"; exit 1
  fi
}

run "$tmp/whole.json" --no-cache -p "$dir"
run "$tmp/warm.json" --cache-dir "$cache" -p "$dir"
for f in "$dir"/*.c "$dir"/*.h; do
  [ -f "$f" ] || continue
  run "$tmp/one.json" --no-cache -p "$dir" "$f"
  same "$tmp/whole.json" "$tmp/one.json" "$f"
  run "$tmp/one.json" --cache-dir "$cache" -p "$dir" "$f"
  same "$tmp/whole.json" "$tmp/one.json" "$f"
done

# An edit to one file: only it is parsed again, and the result is still the
# whole program's. (A file the database lists once: one listed again as a
# build variant is parsed once per variant.)
entries() { grep -c "\"file\": *\"$(basename "$1")\"" "$dir/compile_commands.json"; }
first=$(ls "$dir"/*.c | head -n 1)
for f in "$dir"/*.c; do
  if [ "$(entries "$f")" -eq 1 ]; then
    first=$f
    break
  fi
done
# (a folder whose every file is listed more than once: its variants, each
# naming a macro the file tests in these cases, are all parsed again)
misses=$(entries "$first")
[ "$misses" -eq 1 ] && want='hits?, 1 miss,' || want="hits?, $misses misses,"
printf '\nint conc_lint_scope_edit(void) { return 1; }\n' >> "$first"
run "$tmp/whole.json" --no-cache -p "$dir"
"$bin" -q -f json --stats --cache-dir "$cache" -p "$dir" "$first" > "$tmp/one.json" 2> "$tmp/stderr" || true
grep -Eq "$want" "$tmp/stderr" || { echo "the edited file alone should be parsed:"; cat "$tmp/stderr"; exit 1; }
grep -Eq "TUs? \\($misses parsed, [0-9]+ from the cache, " "$tmp/stderr" || { echo "--stats should count $misses parsed, the rest from the cache:"; cat "$tmp/stderr"; exit 1; }
same "$tmp/whole.json" "$tmp/one.json" "$first"
