#!/bin/sh
# gate-check.sh CONC_LINT REPO - the CI-gate contract end to end:
# .conc-lint.json (levels, a bad file), inline suppressions, --baseline,
# --format github, and exit 3 when nothing parses.
set -eu
bin=$1 repo=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "gate-check: $*" >&2; exit 1; }
cd "$tmp"
cat > race.c <<'C'
#include <pthread.h>
static long hits;
static void *worker(void *arg) { hits++; return arg; }
int main(void)
{
    pthread_t t[2];
    for (int i = 0; i < 2; i++)
        pthread_create(&t[i], NULL, worker, NULL);
    for (int i = 0; i < 2; i++)
        pthread_join(t[i], NULL);
    return (int)hits;
}
C
run() { set +e; "$bin" --no-cache "$@" > out.txt 2> err.txt; code=$?; set -e; }

run race.c -- -pthread
[ $code = 1 ] || fail "a race must exit 1 (got $code)"

echo '{ "version": 1, "rules": { "CL002": "off" } }' > .conc-lint.json
run race.c -- -pthread
[ $code = 0 ] || fail "CL002 off in .conc-lint.json must exit 0 (got $code)"
run --enable CL002 race.c -- -pthread
[ $code = 1 ] || fail "--enable overrides a rule the config turns off (got $code)"
run --print-config
grep -q '"CL002"' out.txt || fail "--print-config does not show the rules"
echo '{ "version": 1, "rules": { "CL002": "loud" } }' > .conc-lint.json
run race.c -- -pthread
[ $code = 2 ] && grep -q ".conc-lint.json" err.txt && grep -q "rules.CL002" err.txt ||
    fail "a bad config must exit 2 naming the file and the key (got $code: $(cat err.txt))"
rm .conc-lint.json
echo "1. config: levels, --enable, --print-config, bad config exit 2"

sed 's|hits++; return arg;|hits++; /* conc-lint-ignore: CL002 -- counted roughly on purpose */ return arg;|' race.c > sup.c
run -f sarif sup.c -- -pthread
[ $code = 0 ] || fail "a suppressed finding must not fail the gate (got $code)"
grep -q '"suppressions"' out.txt && grep -q 'counted roughly on purpose' out.txt ||
    fail "the suppressed result must stay in SARIF with its justification"
sed 's|static long hits;|static long hits; // conc-lint-ignore: CL003|' race.c > unused.c
run unused.c -- -pthread
grep -q "unused suppression" err.txt || fail "an unused suppression must be reported"
echo "2. suppressions: kept in SARIF with the reason, unused ones reported"

mkdir v1 v2
cp race.c v1/race.c
sed 's|static long hits;|static long hits, misses;|; s|hits++; return arg;|hits++; misses++; return arg;|' race.c > v2/race.c
(cd v1 && "$bin" --no-cache -f sarif -o ../base.sarif race.c -- -pthread) || [ $? = 1 ]
(cd v2 && run --baseline ../base.sarif -f sarif race.c -- -pthread && cp out.txt ../v2.sarif && echo $code > ../v2.code)
[ "$(cat v2.code)" = 1 ] || fail "a new finding must fail the gate (got $(cat v2.code))"
grep -q '"baselineState":[[:space:]]*"unchanged"' v2.sarif || fail "the old result must be unchanged in a moved checkout"
grep -q '"baselineState":[[:space:]]*"new"' v2.sarif || fail "the new result must be marked new"
(cd v1 && run --baseline ../base.sarif race.c -- -pthread && echo $code > ../v1.code)
[ "$(cat v1.code)" = 0 ] || fail "findings already in the baseline must not fail the gate (got $(cat v1.code))"
echo "3. baseline: unchanged results pass, a new one fails and is marked new"

run -f github race.c -- -pthread
grep -q '^::warning file=race.c,line=3' out.txt || fail "github format: $(cat out.txt)"
echo "4. --format github: workflow annotations"

printf 'garbage {{{\n' > bad.c
run -o keep.sarif -f sarif bad.c
[ $code = 3 ] || fail "a file that does not parse must exit 3 (got $code)"
grep -q '"executionSuccessful":[[:space:]]*false' keep.sarif || fail "the log must say the execution failed"
echo "5. nothing parses: exit 3, executionSuccessful false"
