#!/bin/sh
# conventions.sh CONC_LINT REPO - what clang-tidy users expect, and the
# end-of-run output (issue 14, items 5 and 6), on copies of testdata:
#   summary   "N warnings generated." and the per-rule counts go to stderr,
#             never stdout; with --baseline the new count; --quiet drops them
#             and the notes; -f json --stats has a "stats" object
#   progress  never in a pipe unless --progress
#   NOLINT    // NOLINT(CL002) and // NOLINTNEXTLINE(...) suppress
#   globs     --enable/--disable CL00* style; a glob matching nothing is exit 2
#   list      --list-checks is --list-rules
#   colour    --color=always/never; auto: colour on a terminal, none with
#             TERM=dumb (run under script(1) for a pty)
#   config    .conc-lint.json found upward from the analyzed file's directory
#   help      --help says what `--` does to compile-database discovery
set -eu
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
repo=$(cd "$2" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "conventions: $*" >&2; exit 1; }
export XDG_CACHE_HOME="$tmp/cache" NO_COLOR=
unset NO_COLOR
cp -r "$repo/testdata/example-server" "$tmp/ex"
cd "$tmp/ex"
run() { # run NAME ARGS... : stdout in NAME.out, stderr in NAME.err, status in $rc
    name=$1
    shift
    set +e
    "$bin" --no-cache "$@" > "$tmp/$name.out" 2> "$tmp/$name.err"
    rc=$?
    set -e
}

run text .
[ "$rc" = 1 ] || fail "text: exit $rc"
grep -q 'generated' "$tmp/text.out" && fail "'N warnings generated.' is on stdout"
grep -qx '5 warnings generated.' "$tmp/text.err" || fail "no '5 warnings generated.' on stderr"
grep -qx 'conc-lint: CL001 1, CL002 1, CL003 1, CL004 1, CL012 1' "$tmp/text.err" || { cat "$tmp/text.err"; fail "no per-rule counts"; }
grep -q '^\[[0-9]*/[0-9]*\]' "$tmp/text.err" && fail "a progress line in a pipe without --progress"
run sarif -f sarif -o "$tmp/base.sarif" --fail-on none .
sed -i 's|^\(\s*\)sleep(1); // expect: CL003|\1sleep(1); // conc-lint-ignore: CL004 -- unused on purpose|' main.c
run base --baseline "$tmp/base.sarif" .
grep -qx 'conc-lint: CL001 1, CL002 1, CL003 1, CL004 1, CL012 1; 0 new, 5 in the baseline' "$tmp/base.err" ||
    { cat "$tmp/base.err"; fail "no new count with --baseline"; }
grep -q '^main.c:[0-9]*:[0-9]*: note: unused suppression' "$tmp/base.err" || { cat "$tmp/base.err"; fail "no note for the unused suppression, or not with the findings' relative path"; }
run quiet --quiet .
[ "$rc" = 1 ] || fail "--quiet: exit $rc"
[ ! -s "$tmp/quiet.err" ] || { cat "$tmp/quiet.err"; fail "--quiet wrote to stderr"; }
grep -q 'CL002/unguarded-shared-state' "$tmp/quiet.out" || fail "--quiet dropped the findings"
run json -f json --stats --fail-on none .
python3 - "$tmp/json.out" <<'PY'
import json, sys
st = json.load(open(sys.argv[1])).get("stats")
if not st or st["translationUnits"] != 7 or st["model"]["threads"] < 1 or "summarize" not in st["wallSeconds"]:
    sys.exit("conventions: -f json --stats has no proper 'stats' object: %r" % st)
PY
run json2 -f json --fail-on none .
grep -q '"stats"' "$tmp/json2.out" && fail "'stats' without --stats"
echo "summary: counts on stderr, new count with --baseline, --quiet, --stats in JSON"

cp "$repo/testdata/cl002-unguarded-shared-state/03-stats-bytes-after-unlock.c" "$tmp/n.c"
cd "$tmp"
run nl0 n.c --
[ "$rc" = 1 ] || fail "n.c: no finding to suppress"
line=$(grep -n 'expect: CL002' n.c | head -1 | cut -d: -f1)
sed -i "${line}s|// expect: CL002.*|// NOLINT(bugprone-x, CL002)|" n.c
run nl1 n.c --
[ "$rc" = 0 ] || { cat "$tmp/nl1.out"; fail "// NOLINT(CL002) did not suppress (exit $rc)"; }
sed -i "${line}s|// NOLINT(bugprone-x, CL002)||" n.c
sed -i "${line}i // NOLINTNEXTLINE(unguarded-shared-state)" n.c
run nl2 n.c --
[ "$rc" = 0 ] || fail "// NOLINTNEXTLINE(unguarded-shared-state) did not suppress (exit $rc)"
echo "NOLINT(CL002) and NOLINTNEXTLINE(name) suppress"

cd "$tmp/ex"
run g1 --enable 'CL00[12]' .
grep -q '\[CL003/\|\[CL004/' "$tmp/g1.out" && fail "--enable 'CL00[12]' ran CL003/CL004"
grep -q '\[CL001/' "$tmp/g1.out" && grep -q '\[CL002/' "$tmp/g1.out" || fail "--enable 'CL00[12]' lost CL001/CL002"
run g2 --disable 'CL0*' .
[ "$rc" = 0 ] && [ ! -s "$tmp/g2.out" ] || fail "--disable 'CL0*' left findings"
run g3 --enable '*-shared-*' .
grep -q '\[CL002/' "$tmp/g3.out" && ! grep -q '\[CL001/' "$tmp/g3.out" || fail "--enable '*-shared-*' by name"
run g4 --enable 'XX*' .
[ "$rc" = 2 ] && grep -q "no rule matches 'XX\*'" "$tmp/g4.err" || fail "--enable 'XX*': exit $rc"
"$bin" --list-checks > "$tmp/lc" && "$bin" --list-rules > "$tmp/lr" && cmp -s "$tmp/lc" "$tmp/lr" || fail "--list-checks differs"
echo "globs in --enable/--disable, --list-checks"

# colour is an SGR sequence (ESC [ ... m); on a slow build (ASan) the progress
# line's erase-line (ESC [ K) appears after a second on a terminal, and that
# is not colour
sgr="$(printf '\033')\[[0-9;]*m"
run c1 --color=always .
grep -q "$sgr" "$tmp/c1.out" || fail "--color=always: no colour"
run c2 --color=sometimes .
[ "$rc" = 2 ] || fail "--color=sometimes: exit $rc"
if command -v script > /dev/null 2>&1; then
    pty() { TERM=$1 script -qec "$2" /dev/null < /dev/null; }
    pty xterm "'$bin' --no-cache ." > "$tmp/p1" || true
    grep -q "$sgr" "$tmp/p1" || fail "no colour on a terminal"
    pty dumb "'$bin' --no-cache ." > "$tmp/p2" || true
    grep -q "$sgr" "$tmp/p2" && fail "colour with TERM=dumb"
    pty xterm "'$bin' --no-cache --color=never ." > "$tmp/p3" || true
    grep -q "$sgr" "$tmp/p3" && fail "colour with --color=never"
    echo "colour: always, never, auto on a pty, none with TERM=dumb"
fi

mkdir -p "$tmp/proj/src" "$tmp/elsewhere"
cp "$tmp/n.c" "$tmp/proj/src/race.c"
sed -i '/NOLINTNEXTLINE/d' "$tmp/proj/src/race.c"
printf '{ "rules": { "CL002": "off" } }\n' > "$tmp/proj/.conc-lint.json"
cd "$tmp/elsewhere"
run cfg1 ../proj/src/race.c --
[ "$rc" = 0 ] || { cat "$tmp/cfg1.out"; fail "the config beside the analyzed file was not used (exit $rc)"; }
cd "$tmp/proj/src"
run cfg2 race.c --
[ "$rc" = 0 ] || fail "the config above the working directory was not used"
echo "config: found upward from the analyzed file's directory and from the working directory"

"$bin" --help | grep -q 'A -- without -p' || fail "--help does not say what -- does"
echo "help: -- turns compile-database discovery off"
