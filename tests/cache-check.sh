#!/bin/sh
# cache-check.sh CONC_LINT REPO - the summary cache and sharding, on a copy
# of testdata/example-server:
#   1. a warm run hits every TU and gives byte-identical SARIF;
#   2. changing a header re-parses exactly the TUs that include it
#      (expected set from `clang-19 -MM`);
#   3. truncated (corrupt) entries are ignored and rewritten, same output;
#   4. two runs sharing the cache at once both give the same output;
#   5. --shard 1/2 + --shard 2/2 + --link gives the whole run's output.
set -eu
bin=$1 repo=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp -r "$repo/testdata/example-server" "$tmp/src"
cd "$tmp/src"
run() { # run CACHE OUT -> prints "hits misses"
    "$bin" --stats --cache-dir "$1" -f sarif --fail-on none -o "$2" . 2>"$tmp/err" || {
        cat "$tmp/err" >&2; exit 1; }
    sed -n "s/^conc-lint: cache .*: \([0-9]*\) hits, \([0-9]*\) misses.*/\1 \2/p" "$tmp/err"
}
fail() { echo "cache-check: $*" >&2; exit 1; }
ntu=$(ls *.c | wc -l)

set -- $(run "$tmp/c" "$tmp/cold.sarif")
[ "$1 $2" = "0 $ntu" ] || fail "cold run: expected 0 hits, $ntu misses, got $1 $2"
set -- $(run "$tmp/c" "$tmp/warm.sarif")
[ "$1 $2" = "$ntu 0" ] || fail "warm run: expected $ntu hits, got $1 $2"
cmp "$tmp/cold.sarif" "$tmp/warm.sarif" || fail "warm run output differs"
echo "1. warm run: $ntu hits, identical output"

header=stats.h
want=0
for c in *.c; do
    if clang-19 -MM -I. "$c" 2>/dev/null | tr ' \\' '\n\n' | grep -qx "$header"; then
        want=$((want + 1))
    fi
done
[ "$want" -gt 0 ] && [ "$want" -lt "$ntu" ] || fail "test setup: $header is in $want of $ntu TUs"
printf '\n/* an unrelated edit */\n' >> "$header"
set -- $(run "$tmp/c" "$tmp/hdr.sarif")
[ "$2" = "$want" ] || fail "after editing $header: expected $want misses (its includers), got $2"
echo "2. header edit: $2 of $ntu TUs re-parsed (exactly those including $header)"

for e in "$tmp"/c/*.clsum; do
    size=$(wc -c < "$e")
    head -c $((size / 2)) "$e" > "$e.cut" && mv "$e.cut" "$e"
done
set -- $(run "$tmp/c" "$tmp/corrupt.sarif")
[ "$1 $2" = "0 $ntu" ] || fail "truncated entries: expected 0 hits, got $1 $2"
cmp "$tmp/hdr.sarif" "$tmp/corrupt.sarif" || fail "output after corrupt entries differs"
set -- $(run "$tmp/c" "$tmp/rewritten.sarif")
[ "$1" = "$ntu" ] || fail "entries were not rewritten after corruption ($1 hits)"
echo "3. corrupt entries ignored and rewritten"

rm -rf "$tmp/shared"
"$bin" --cache-dir "$tmp/shared" -f sarif --fail-on none -o "$tmp/p1.sarif" . 2>/dev/null &
p1=$!
"$bin" --cache-dir "$tmp/shared" -f sarif --fail-on none -o "$tmp/p2.sarif" . 2>/dev/null &
p2=$!
wait $p1 && wait $p2 || fail "a concurrent run failed"
cmp "$tmp/p1.sarif" "$tmp/hdr.sarif" && cmp "$tmp/p2.sarif" "$tmp/hdr.sarif" || fail "concurrent runs differ"
set -- $(run "$tmp/shared" "$tmp/p3.sarif")
[ "$1" = "$ntu" ] || fail "shared cache incomplete after concurrent runs ($1 hits)"
echo "4. two concurrent runs on one cache: identical, cache complete"

"$bin" --shard 1/2 --cache-dir "$tmp/s1" . 2>/dev/null
"$bin" --shard 2/2 --cache-dir "$tmp/s2" . 2>/dev/null
"$bin" --link "$tmp/s1" --link "$tmp/s2" -f sarif --fail-on none -o "$tmp/linked.sarif" .
cmp "$tmp/linked.sarif" "$tmp/hdr.sarif" || fail "sharded + linked output differs from a whole run"
if "$bin" --link "$tmp/s1" -f sarif --fail-on none -o "$tmp/half.sarif" . 2>"$tmp/err"; then
    fail "--link with a missing shard succeeded"
fi
grep -q "is a shard missing" "$tmp/err" || fail "--link with a missing shard: unclear error"
[ ! -e "$tmp/half.sarif" ] || fail "--link with a missing shard left an output file"
echo "5. --shard 1/2 + 2/2 + --link: identical to a whole run; a missing shard is an error"

# 6. A header that appears earlier on the include path shadows the one the
#    summary was built from: the cache must miss (same output as --no-cache).
mkdir -p "$tmp/sh/inc0" "$tmp/sh/inc1"
cd "$tmp/sh"
printf '#define M() counter++\n' > inc1/m.h
cat > b.c <<'C'
#include <pthread.h>
#include "m.h"
int counter;
static void *worker(void *arg) { (void)arg; M(); return 0; }
int main(void) { pthread_t t; pthread_create(&t, 0, worker, 0); counter++; pthread_join(t, 0); return 0; }
C
set +e
"$bin" --cache-dir "$tmp/shc" b.c -- -pthread -Iinc0 -Iinc1 > /dev/null 2>&1; first=$?
printf '#define M() (void)0\n' > inc0/m.h
"$bin" --cache-dir "$tmp/shc" b.c -- -pthread -Iinc0 -Iinc1 > /dev/null 2>&1; cached=$?
"$bin" --no-cache b.c -- -pthread -Iinc0 -Iinc1 > /dev/null 2>&1; fresh=$?
set -e
[ "$first" = 1 ] && [ "$cached" = "$fresh" ] && [ "$fresh" = 0 ] ||
    fail "a shadowing header on the include path was served from the cache ($first/$cached/$fresh)"
echo "6. a header added earlier on the include path invalidates the entry"
