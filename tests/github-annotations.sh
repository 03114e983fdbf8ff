#!/bin/sh
# github-annotations.sh CONC_LINT - `-f github` on a file with 12 races
# (issue 14, item 3): exactly 10 ::warning commands (GitHub shows no more
# per level and step), then one line counting the 2 others; with
# $GITHUB_STEP_SUMMARY set, a per-rule table (12 findings) is appended to
# that file, and with --baseline it has a "new" column.
set -eu
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "github-annotations: $*" >&2; exit 1; }
cd "$tmp"
{
    echo '#include <pthread.h>'
    for i in 1 2 3 4 5 6 7 8 9 10 11 12; do echo "int g$i;"; done
    echo 'static void *worker(void *arg) {'
    echo '    (void)arg;'
    for i in 1 2 3 4 5 6 7 8 9 10 11 12; do echo "    g$i++;"; done
    echo '    return NULL;'
    echo '}'
    echo 'int main(void) {'
    echo '    pthread_t t;'
    echo '    pthread_create(&t, NULL, worker, NULL);'
    for i in 1 2 3 4 5 6 7 8 9 10 11 12; do echo "    g$i++;"; done
    echo '    pthread_join(t, NULL);'
    echo '    return 0;'
    echo '}'
} > races.c
lint() { "$bin" --no-cache "$@" races.c --; }
set +e
GITHUB_STEP_SUMMARY="$tmp/summary.md" lint -f github > out.txt 2> err.txt
rc=$?
set -e
cat out.txt
[ "$rc" = 1 ] && grep -q '^12 warnings generated\.$' err.txt || { cat err.txt >&2; fail "exit $rc, expected 1 and 12 warnings"; }
[ "$(grep -c '^::warning ' out.txt)" = 10 ] || fail "expected 10 ::warning commands"
[ "$(grep -vc '^::' out.txt)" = 1 ] || fail "expected one line besides the commands"
grep -q '^conc-lint: 2 more findings not shown as annotations' out.txt || fail "no count of the rest"
cat summary.md
grep -q '^| rule | name | findings | suppressed |$' summary.md || fail "summary: no table header"
grep -q '^| CL002 | unguarded-shared-state | 12 | 0 |$' summary.md || fail "summary: no CL002 row with 12"
grep -q '^12 findings; 10 of 12 shown as annotations' summary.md || fail "summary: no total"

lint -f sarif --fail-on none -o base.sarif 2> /dev/null
sed -i 's/^    g12++;$/    g12++; g11 = g12;/' races.c
GITHUB_STEP_SUMMARY="$tmp/summary2.md" lint -f github --baseline base.sarif > /dev/null 2>&1 || true
cat summary2.md
grep -q '^| CL002 | unguarded-shared-state | [0-9]* | [1-9] | 0 |$' summary2.md || fail "summary with --baseline: no 'new' count"
unset GITHUB_STEP_SUMMARY
lint -f github > /dev/null 2>&1 || true
[ ! -e summary3.md ] || fail "a summary without GITHUB_STEP_SUMMARY"
echo "10 annotations, one line for the 2 others, per-rule table in the step summary"
