#!/usr/bin/env bash
# scripts/new-rule in a scratch copy of the tree: it must create the rule
# file (which must compile), its registry line, its docs row and a positive
# and a negative skeleton, take the next free id, and refuse a second rule
# of the same name or a name that is not kebab-case.
#   tests/new-rule.sh REPO CC
set -euo pipefail
REPO="$1"; CC="$2"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/scripts" "$tmp/docs" "$tmp/testdata"
cp "$REPO/scripts/new-rule" "$tmp/scripts/"
cp -r "$REPO/rules" "$tmp/rules"
cp "$REPO/docs/rules.md" "$tmp/docs/"
fail() { echo "new-rule test: $*" >&2; exit 1; }
last="$(sed -n 's/^CL_RULE(CL\([0-9]\{3\}\),.*/\1/p' "$REPO/rules/rules.def" | sort -n | tail -1)"
next=$(printf 'CL%03d' $((10#$last + 1)))
lnext=$(echo "$next" | tr 'A-Z' 'a-z')
"$tmp/scripts/new-rule" sample-check "A check made only by this test" >/dev/null
f="$tmp/rules/${lnext}_sample_check.c"
[[ -f "$f" ]] || fail "no rule file $f"
grep -qx "CL_RULE($next, ${lnext}_sample_check)" "$tmp/rules/rules.def" || fail "no registry line"
grep -q "| \`$next\` | \`sample-check\` |" "$tmp/docs/rules.md" || fail "no docs row"
grep -q '\.cwe = CL_STRINGS(' "$f" && grep -q '\.precision = ' "$f" || fail "no SARIF code-scanning fields"
grep -q "// expect: $next" "$tmp/testdata/$lnext-sample-check/01-TODO.c" || fail "no positive skeleton"
grep -q "// expect-none" "$tmp/testdata/$lnext-sample-check/20-TODO-neg.c" || fail "no negative skeleton"
"$CC" -std=c11 -fsyntax-only -Wall -Wextra -Werror -D_POSIX_C_SOURCE=200809L \
  -I"$REPO/analyzer" -I"$tmp/rules" "$f" || fail "the generated rule does not compile"
if "$tmp/scripts/new-rule" sample-check 2>/dev/null; then fail "a second sample-check was created"; fi
if "$tmp/scripts/new-rule" Bad_Name 2>/dev/null; then fail "a non-kebab-case name was accepted"; fi
echo "new-rule test: ok ($next)"
