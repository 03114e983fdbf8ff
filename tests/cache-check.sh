#!/bin/sh
# cache-check.sh CONC_LINT REPO - the summary cache and sharding, on a copy
# of testdata/example-server:
#   1. a warm run hits every TU and gives byte-identical SARIF;
#   2. changing a header re-parses exactly the TUs that include it
#      (expected set from `clang-19 -MM`);
#   3. truncated (corrupt) entries are ignored and rewritten, same output;
#   4. two runs sharing the cache at once both give the same output;
#   5. --shard 1/2 + --shard 2/2 + --link gives the whole run's output;
#      --shard --stats prints what the shard did;
#   6. a header that shadows the one read (earlier on the include path) is a
#      miss;
#   7. the result entry (findings of an unchanged run) is used, and is not
#      used when a setting changes; a corrupt one is ignored;
#   8. on files older than the racy window, a same-size edit that keeps the
#      mtime still invalidates the entries (ctime), and an unchanged warm
#      run reads no header;
#   9. include-search changes no file edit shows (a header in a subdirectory
#      of an earlier -I directory, --include-directory, $CPATH, a retargeted
#      symlinked directory, -I relative to another working directory): the
#      warm run agrees with --no-cache;
#  10. a FIFO in the cache directory does not hang the run;
#  11. a summary ending in a many-argument call reads back;
#  12. entries unused for 30 days are evicted, once a day.
#
# Timing: the cache trusts a file's stat() signature only when the file did
# not change for 2 s before it was read (the "racy git" window), and stores
# no entry when a directory it lists changed during the parse (20 ms slack).
# Freshly written files are therefore waited on (settle) before a run whose
# hit or store counts are checked; a wait only ever lengthens, so load
# cannot make a step fail. The system include directories are dependencies
# too: if a package changes them during the test, the counts cannot be
# judged and the test is skipped (exit 77) with a note.
set -eu
bin=$1 repo=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
: > "$tmp/start"
# settle SECONDS PATH...: waits until nothing under PATH changed (mtime or
# ctime) in the last SECONDS seconds.
settle() {
    age=$1; shift
    while [ -n "$(find "$@" \( -newermt "$age seconds ago" -o -newerct "$age seconds ago" \) -print -quit)" ]; do
        sleep 0.2
    done
}
cp -r "$repo/testdata/example-server" "$tmp/src"
# The copy for step 8 is made now: it ages while steps 1-7 run.
cp -r "$repo/testdata/example-server" "$tmp/old"
cd "$tmp/src"
settle 1 "$tmp/src"
run() { # run CACHE OUT -> prints "hits misses"
    "$bin" --stats --cache-dir "$1" -f sarif --fail-on none -o "$2" . 2>"$tmp/err" || {
        cat "$tmp/err" >&2; exit 1; }
    sed -n "s/^conc-lint: cache .*: \([0-9]*\) hits\{0,1\}, \([0-9]*\) miss\(es\)\{0,1\},.*/\1 \2/p" "$tmp/err"
}
# parsed_cached: the last run's --stats summary line, as "PARSED CACHED"
# (a new user's report: it said "(7 parsed)" of TUs taken from the cache).
parsed_cached() {
    sed -n "s/^conc-lint: [0-9]* TUs\{0,1\} (\([0-9]*\) parsed, \([0-9]*\) from the cache, .*/\1 \2/p" "$tmp/err"
}
fail() {
    changed=$(find /usr/include /usr/local/include /usr/lib/llvm-*/lib/clang \
        \( -newer "$tmp/start" -o -cnewer "$tmp/start" \) -print -quit 2>/dev/null || true)
    if [ -n "$changed" ]; then
        echo "cache-check: skipped: '$changed' changed during the test (a package was installed?); $*" >&2
        exit 77
    fi
    echo "cache-check: $*" >&2
    exit 1
}
ntu=$(ls *.c | wc -l)

set -- $(run "$tmp/c" "$tmp/cold.sarif")
[ "$1 $2" = "0 $ntu" ] || fail "cold run: expected 0 hits, $ntu misses, got $1 $2"
[ "$(parsed_cached)" = "$ntu 0" ] || fail "cold run: --stats should say $ntu parsed, 0 from the cache: $(grep "TUs\{0,1\} (" "$tmp/err")"
set -- $(run "$tmp/c" "$tmp/warm.sarif")
[ "$1 $2" = "$ntu 0" ] || fail "warm run: expected $ntu hits, got $1 $2"
[ "$(parsed_cached)" = "0 $ntu" ] || fail "warm run: --stats should say 0 parsed, $ntu from the cache: $(grep "TUs\{0,1\} (" "$tmp/err")"
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
[ "$(parsed_cached)" = "$want $((ntu - want))" ] ||
    fail "after editing $header: --stats should say $want parsed, $((ntu - want)) from the cache: $(grep "TUs\{0,1\} (" "$tmp/err")"
echo "2. header edit: $2 of $ntu TUs re-parsed (exactly those including $header)"

# Truncated summaries are only found when a summary is read: drop the
# result entries so that this run has to link.
for e in "$tmp"/c/*.clsum; do
    size=$(wc -c < "$e")
    head -c $((size / 2)) "$e" > "$e.cut" && mv "$e.cut" "$e"
done
rm -f "$tmp"/c/*.clres
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

# shard_stats K SHARD PARSED CACHED: the last shard run's --stats lines (a
# new user's report: --shard printed none) for K TUs.
shard_stats() {
    grep -q "^conc-lint: shard $2: $1 TUs\{0,1\} ($3 parsed, $4 from the cache, 0 skipped at a limit or crash), [0-9]* jobs\{0,1\}; wall: summarize [0-9.]*s, total [0-9.]*s; per-TU time summed over workers: parse [0-9.]*s, lower [0-9.]*s$" "$tmp/err" &&
        grep -q "^conc-lint: cache '.*': $4 hits\{0,1\}, $3 miss\(es\)\{0,1\}, $3 stored$" "$tmp/err" ||
        fail "--shard $2 --stats: expected $3 parsed, $4 from the cache of $1 TUs: $(cat "$tmp/err")"
}
"$bin" --shard 1/2 --stats --cache-dir "$tmp/s1" . 2>"$tmp/err"
k=$(sed -n "s|^conc-lint: shard 1/2: \([0-9]*\) of $ntu translation units summarized.*|\1|p" "$tmp/err")
[ -n "$k" ] && [ "$k" -gt 0 ] || fail "--shard 1/2: no summary line: $(cat "$tmp/err")"
shard_stats "$k" 1/2 "$k" 0
"$bin" --shard 1/2 --stats --cache-dir "$tmp/s1" . 2>"$tmp/err"
shard_stats "$k" 1/2 0 "$k"
"$bin" --shard 2/2 --cache-dir "$tmp/s2" . 2>/dev/null
"$bin" --link "$tmp/s1" --link "$tmp/s2" -f sarif --fail-on none -o "$tmp/linked.sarif" .
cmp "$tmp/linked.sarif" "$tmp/hdr.sarif" || fail "sharded + linked output differs from a whole run"
if "$bin" --link "$tmp/s1" -f sarif --fail-on none -o "$tmp/half.sarif" . 2>"$tmp/err"; then
    fail "--link with a missing shard succeeded"
fi
grep -q "is a shard missing" "$tmp/err" || fail "--link with a missing shard: unclear error"
[ ! -e "$tmp/half.sarif" ] || fail "--link with a missing shard left an output file"
echo "5. --shard 1/2 + 2/2 + --link: identical to a whole run; a missing shard is an error; --shard --stats counts"

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

# 7. The result entry: an unchanged run skips link and rules; a changed
#    setting (a rule disabled on the command line or in the config) does not
#    reuse it; a corrupt result entry is ignored.
cd "$tmp/src"
skipped() { grep -q "link and rules skipped" "$tmp/err"; }
run "$tmp/c" "$tmp/r1.sarif" > /dev/null
run "$tmp/c" "$tmp/r2.sarif" > /dev/null
skipped || fail "an unchanged warm run linked again"
cmp "$tmp/r2.sarif" "$tmp/hdr.sarif" || fail "the reused result differs from a full run"
"$bin" --no-cache --disable CL003 -f sarif --fail-on none -o "$tmp/d-fresh.sarif" .
"$bin" --stats --cache-dir "$tmp/c" --disable CL003 -f sarif --fail-on none -o "$tmp/d.sarif" . 2>"$tmp/err"
! skipped || fail "--disable CL003 reused the result of a run with every rule"
cmp "$tmp/d.sarif" "$tmp/d-fresh.sarif" || fail "--disable CL003 with a cache differs from --no-cache"
cmp -s "$tmp/d.sarif" "$tmp/hdr.sarif" && fail "test setup: CL003 changes nothing here"
printf '{ "version": 1, "rules": { "CL002": "off" } }\n' > .conc-lint.json
"$bin" --no-cache -f sarif --fail-on none -o "$tmp/cfg-fresh.sarif" .
"$bin" --stats --cache-dir "$tmp/c" -f sarif --fail-on none -o "$tmp/cfg.sarif" . 2>"$tmp/err"
! skipped || fail "a config that turns CL002 off reused the result of a run with CL002"
cmp "$tmp/cfg.sarif" "$tmp/cfg-fresh.sarif" || fail "a changed config with a cache differs from --no-cache"
rm .conc-lint.json
for e in "$tmp"/c/*.clres; do printf 'garbage' | dd of="$e" bs=1 seek=40 conv=notrunc 2>/dev/null; done
run "$tmp/c" "$tmp/r3.sarif" > /dev/null
! skipped || fail "a corrupt result entry was used"
cmp "$tmp/r3.sarif" "$tmp/hdr.sarif" || fail "output after a corrupt result entry differs"
run "$tmp/c" "$tmp/r4.sarif" > /dev/null
skipped || fail "the corrupt result entry was not rewritten"
echo "7. result entry: reused when nothing changed, not across settings, corrupt ones ignored"

# 8. Signatures: entries made from files older than the racy window trust
#    stat(); an edit that keeps the size and the mtime changes the ctime.
settle 3 "$tmp/old"
cd "$tmp/old"
run "$tmp/oc" "$tmp/o1.sarif" > /dev/null
set -- $(run "$tmp/oc" "$tmp/o2.sarif")
[ "$1 $2" = "$ntu 0" ] || fail "old files, warm run: expected $ntu hits, got $1 $2"
# (LeakSanitizer cannot run under ptrace: off for this one run.)
ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" \
strace -f -e trace=open,openat -o "$tmp/trace" "$bin" --cache-dir "$tmp/oc" -f sarif \
    --fail-on none -o "$tmp/o3.sarif" . 2>/dev/null || fail "strace (scripts/setup.sh installs it) failed"
grep -q 'stats\.c"' "$tmp/trace" || fail "test setup: strace saw no source file opened"
! grep -q '\.h"' "$tmp/trace" || fail "an unchanged warm run read a header: $(grep '\.h"' "$tmp/trace" | head -1)"
cp -p stats.h "$tmp/stats.h.ref"
sed 's/Writes/WRITES/' "$tmp/stats.h.ref" > stats.h.new
cmp -s stats.h stats.h.new && fail "test setup: the edit changed nothing"
cat stats.h.new > stats.h && rm stats.h.new
touch -r "$tmp/stats.h.ref" stats.h
[ "$(wc -c < stats.h)" = "$(wc -c < "$tmp/stats.h.ref")" ] || fail "test setup: size changed"
settle 3 stats.h # out of the racy window again: only the ctime tells the edit apart
set -- $(run "$tmp/oc" "$tmp/o4.sarif")
[ "$2" = "$want" ] || fail "a same-size, same-mtime edit of stats.h: expected $want misses, got $2"
echo "8. stat signatures: an unchanged warm run reads no header; a same-size same-mtime edit is seen"

# 9. Changes only the include search can see: after each, a warm run must
#    report what a --no-cache run reports. main.c's counter++ is locked only
#    when cfg.h says GUARD 1.
mkdir -p "$tmp/inc9" && cd "$tmp/inc9"
cat > main.c <<'C'
#include <pthread.h>
#include "sub/cfg.h"
#include <cfg2.h>
int counter;
pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static void *work(void *a)
{
#if GUARD && GUARD2
    pthread_mutex_lock(&m);
#endif
    counter++;
#if GUARD && GUARD2
    pthread_mutex_unlock(&m);
#endif
    return a;
}
int main(void)
{
    pthread_t t1, t2;
    pthread_create(&t1, 0, work, 0);
    pthread_create(&t2, 0, work, 0);
    pthread_join(t1, 0);
    pthread_join(t2, 0);
    return 0;
}
C
mkdir -p a/sub b/sub e1 e2 real1 real2
echo '#define GUARD 0' > b/sub/cfg.h
echo 'int unrelated;' > a/sub/other.h
echo '#define GUARD2 1' > e2/cfg2.h
echo '#define GUARD2 1' > real1/cfg2.h
echo '#define GUARD2 0' > real2/cfg2.h
ln -s real1 lnk
same9() { # same9 WHAT ARGS...: warm (shared cache) and --no-cache agree
    what=$1; shift
    "$bin" --no-cache -f sarif --fail-on none -o "$tmp/t9.sarif" "$@" 2>/dev/null
    "$bin" --cache-dir "$tmp/c9" -f sarif --fail-on none -o "$tmp/w9.sarif" "$@" 2>/dev/null
    cmp -s "$tmp/t9.sarif" "$tmp/w9.sarif" || fail "$what: the warm run differs from --no-cache"
}
args9="main.c -- -pthread -Ia -Ib -Ie1 -Ie2"
same9 "cold" $args9
same9 "warm" $args9
grep -q '"ruleId"' "$tmp/w9.sarif" || fail "test setup: no finding with GUARD 0"
echo '#define GUARD 1' > a/sub/cfg.h               # shadows b/sub/cfg.h
same9 "a header added in a subdirectory of an earlier -I directory" $args9
grep -q '"ruleId"' "$tmp/w9.sarif" && fail "test setup: the shadowing header did not take"
echo '#define GUARD2 0' > e1/cfg2.h
same9 "a header added to an earlier --include-directory" main.c -- -pthread -Ia -Ib --include-directory=e1 --include-directory=e2
rm e1/cfg2.h
CPATH="$tmp/inc9/e2" same9 "with CPATH=e2" main.c -- -pthread -Ia -Ib
CPATH="$tmp/inc9/real2" same9 "with CPATH changed to real2" main.c -- -pthread -Ia -Ib
same9 "-Ilnk, lnk -> real1" main.c -- -pthread -Ia -Ib -Ilnk
rm lnk && ln -s real2 lnk
same9 "-Ilnk retargeted to real2" main.c -- -pthread -Ia -Ib -Ilnk
mkdir -p w1/e2 w2/e2 && echo '#define GUARD2 1' > w1/e2/cfg2.h && echo '#define GUARD2 0' > w2/e2/cfg2.h
(cd w1 && same9 "relative -I from w1" "$tmp/inc9/main.c" -- -pthread -I../a -I../b -Ie2)
(cd w2 && same9 "the same relative -I from w2" "$tmp/inc9/main.c" -- -pthread -I../a -I../b -Ie2)
echo "9. subdirectory shadowing, --include-directory, CPATH, symlinked and cwd-relative include dirs"

# 10. A FIFO where a result entry belongs does not hang the run.
for e in "$tmp"/c9/*.clres; do rm -f "$e"; mkfifo "$e"; done
timeout 60 "$bin" --cache-dir "$tmp/c9" -f sarif --fail-on none -o "$tmp/f10.sarif" main.c -- -pthread -Ia -Ib -Ilnk \
    2>/dev/null || fail "a FIFO in the cache directory: the run failed or hung (exit $?)"
echo "10. a FIFO in the cache directory is ignored"

# 11. Every summary the frontend writes reads back: a TU whose last event is
#     a call with many arguments once failed the reader's size check, and
#     was re-parsed on every run.
mkdir -p "$tmp/args11" && cd "$tmp/args11"
cat > many.c <<'C'
#include <pthread.h>
int total;
static void *work(void *a) { total++; return a; }
void sink(int a, int b, int c, int d, int e, int f, int g, int h);
int main(void)
{
    pthread_t t;
    pthread_create(&t, 0, work, 0);
    total++;
    pthread_join(t, 0);
    return 0;
}
void flush_all(void)
{
    sink(1, 2, 3, 4, 5, 6, 7, 8);
}
C
settle 1 "$tmp/args11"
"$bin" --stats --cache-dir "$tmp/c11" -f sarif --fail-on none -o "$tmp/a1.sarif" many.c -- -pthread 2>"$tmp/err"
grep -q "0 hits, 1 miss, 1 stored" "$tmp/err" || fail "cold run of many.c: $(grep 'cache ' "$tmp/err")"
rm -f "$tmp"/c11/*.clres
"$bin" --stats --cache-dir "$tmp/c11" -f sarif --fail-on none -o "$tmp/a2.sarif" many.c -- -pthread 2>"$tmp/err"
grep -q "1 hit, 0 misses, 0 stored" "$tmp/err" || fail "the summary of many.c did not read back: $(grep 'cache ' "$tmp/err")"
cmp "$tmp/a1.sarif" "$tmp/a2.sarif" || fail "many.c: the relinked output differs"
echo "11. a summary ending in a call with many arguments reads back"

# 12. Eviction: the first run of a day removes entries unused for 30 days
#     and temporaries older than a day, nothing else; a hit marks its entry
#     used.
cd "$tmp/args11"
c12="$tmp/c12"
"$bin" --cache-dir "$c12" --fail-on none -f sarif -o "$tmp/e1.sarif" many.c -- -pthread 2>/dev/null
n=$(ls "$c12" | grep -c '\.cl\(sum\|res\)$')
[ "$n" = 2 ] || fail "test setup: expected 1 summary and 1 result entry, found $n: $(ls "$c12")"
touch -d '3 days ago' "$c12"/*.cl[rs][eu][sm]
"$bin" --cache-dir "$c12" --fail-on none -f sarif -o "$tmp/e2.sarif" many.c -- -pthread 2>/dev/null
[ "$(find "$c12" -name '*.cl[rs][eu][sm]' -mtime -1 | wc -l)" = 2 ] || fail "a hit did not mark its entries used"
touch -d '40 days ago' "$c12"/*.cl[rs][eu][sm]
touch -d '2 days ago' "$c12/last-sweep"
printf x > "$c12/0123456789abcdef.clsum.a1b2c3" && touch -d '2 days ago' "$c12/0123456789abcdef.clsum.a1b2c3"
printf x > "$c12/notes.txt" && touch -d '40 days ago' "$c12/notes.txt"
printf x > "$tmp/outside" && touch -d '40 days ago' "$tmp/outside"
ln -s "$tmp/outside" "$c12/fedcba9876543210.clsum"
cd "$tmp/inc9"
"$bin" --cache-dir "$c12" --fail-on none -f sarif -o "$tmp/e3.sarif" main.c -- -pthread -Ia -Ib -Ie2 2>/dev/null
[ -z "$(find "$c12" -type f -name '*.cl[rs][eu][sm]' ! -newer "$tmp/outside")" ] || fail "entries unused for 40 days were not removed"
[ ! -e "$c12/0123456789abcdef.clsum.a1b2c3" ] || fail "an old temporary was not removed"
[ -e "$c12/notes.txt" ] && [ -e "$tmp/outside" ] && [ -L "$c12/fedcba9876543210.clsum" ] ||
    fail "the sweep removed a file that is not an entry"
touch -d '40 days ago' "$c12"/*.cl[rs][eu][sm] 2>/dev/null || true
"$bin" --cache-dir "$c12" --fail-on none -f sarif -o "$tmp/e4.sarif" main.c -- -pthread -Ia -Ib -Ilnk 2>/dev/null
[ -n "$(find "$c12" -type f -name '*.cl[rs][eu][sm]' ! -newer "$tmp/outside")" ] || fail "a second sweep ran on the same day"
echo "12. eviction: entries unused for 30 days and old temporaries go, once a day; hits keep entries"
