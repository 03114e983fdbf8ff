#!/bin/sh
# deep-nesting.sh CONC_LINT - a 5,000-deep else-if chain and a 6,000-term
# expression (both fine for clang) must not exhaust the stack: conc-lint
# exits normally (0: no finding) and warns that the deeper part is not
# analyzed. The warning is shown even after more parse errors than stderr
# shows (a new user's report: the cap on parse diagnostics hid it).
set -u
bin=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
{ echo 'int g; void w(long x) { if (x == 0) g = 0;'
  seq 1 5000 | sed 's/.*/else if (x == &) g = &;/'
  echo '}'; } > "$tmp/chain.c"
{ printf 'int g; void w(void) { g = g'
  seq 1 6000 | sed 's/.*/ + g/' | tr -d '\n'
  echo '; }'; } > "$tmp/expr.c"
# (run in $tmp: the warning names the file as the findings do, relative to
# the source root)
cd "$tmp" || exit 1
for f in chain.c expr.c; do
    "$bin" --no-cache -j1 "$tmp/$f" -- > "$tmp/out" 2>&1
    rc=$?
    [ "$rc" = 0 ] || { cat "$tmp/out"; echo "deep-nesting: $f: exit $rc, expected 0" >&2; exit 1; }
    grep -q "^$f:[0-9]*:[0-9]*: warning: expression or statement nested more than 1000 levels deep" "$tmp/out" ||
        { cat "$tmp/out"; echo "deep-nesting: $f: no warning about the nesting" >&2; exit 1; }
done
# Two TUs of 25 parse errors each before the chain's: the first 20 of
# clang's diagnostics are shown, the rest counted, and conc-lint's warning
# still comes.
for b in bad1 bad2; do
    seq 1 25 | sed "s/.*/int $b&(void) { return undeclared&; }/" > "$tmp/$b.c"
done
"$bin" --no-cache -j1 "$tmp/bad1.c" "$tmp/bad2.c" "$tmp/chain.c" -- > "$tmp/out" 2>&1
grep -q "^chain.c:[0-9]*:[0-9]*: warning: expression or statement nested more than 1000 levels deep" "$tmp/out" ||
    { cat "$tmp/out"; echo "deep-nesting: the warning is hidden behind the parse errors" >&2; exit 1; }
grep -q "^conc-lint: [0-9]* more parse errors\{0,1\} not shown (-f sarif, json or html lists them all)$" "$tmp/out" ||
    { cat "$tmp/out"; echo "deep-nesting: the cap does not say how many errors it hid" >&2; exit 1; }
[ "$(grep -c '^bad[12].c:.*error: ' "$tmp/out")" = 20 ] ||
    { cat "$tmp/out"; echo "deep-nesting: expected the first 20 parse errors" >&2; exit 1; }
echo "deep-nesting: both files analyzed, with the warning, also after more parse errors than are shown"
