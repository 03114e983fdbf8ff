#!/bin/bash
# faults.sh CONC_LINT REPO CASE - faults outside the program (issue 15
# item 4). Each CASE is one ctest test; every assertion is on what is left
# on disk and on the exit status, never on timing:
#   file-size       ulimit -f: SIGXFSZ is ignored, the write error is one
#                   line, exit 3, the old -o file is intact, no temporary or
#                   half-written cache entry is left, and the next run (no
#                   limit, same cache) gives the clean run's SARIF
#   full-disk       /dev/full as -o and as standard output: one line, exit 3
#   readonly-cache  a cache directory the user cannot write: the run
#                   completes with the clean run's SARIF, says the cache is
#                   not written, and the directory is unchanged
#   concurrent      two runs writing one -o path at once, 5 times: both
#                   finish, the file is one complete report
#   sigkill         20 runs killed with SIGKILL after 0.04 s, 0.08 s, ...
#                   (with and without a cache): -o is always the old file or
#                   the complete report, and the next run gives the clean
#                   run's SARIF
set -u
bin=$1 repo=$2 case=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { [ -f "$tmp/err" ] && cat "$tmp/err" >&2; echo "faults/$case: $*" >&2; exit 1; }
cd "$tmp" || exit 2
command -v python3 > /dev/null || { echo "faults: python3 not found, skipped"; exit 77; }
python3 "$repo/scripts/gen-synthetic.py" 40 prog > /dev/null || exit 2
cd prog || exit 2
lint() { "$bin" -j1 -p . -f sarif --fail-on none "$@" . 2> "$tmp/err"; }
lint --no-cache -o "$tmp/ref.sarif" || fail "the clean run failed"
# Temporaries of the report writer (.NAME.XXXXXX) and of the cache (ENTRY.XXXXXX).
no_temporaries() {
    left=$(find "$@" -name '.*.sarif.??????' -o -name '*.cl???.??????' 2>/dev/null)
    [ -z "$left" ] || fail "temporaries left: $left"
}

case $case in
file-size)
    echo old > out.sarif
    # 8 KiB: less than the report and than some cache entries.
    ( ulimit -f 8; lint --cache-dir cache -o out.sarif )
    rc=$?
    [ $rc = 3 ] || fail "exit $rc, expected 3"
    [ "$(grep -c 'error' "$tmp/err")" = 1 ] || fail "expected one error line"
    grep -q "cannot write 'out.sarif': file too large" "$tmp/err" || fail "no write error line"
    grep -q "cache entr.* could not be written to 'cache': file too large" "$tmp/err" ||
        fail "no line about the cache entries not written"
    [ "$(cat out.sarif)" = old ] || fail "the old report was changed"
    no_temporaries . cache
    lint --cache-dir cache -o out.sarif || fail "the run after the limit failed"
    cmp -s out.sarif "$tmp/ref.sarif" || fail "the cache left by the limited run changed the report"
    ;;
full-disk)
    lint --no-cache -o /dev/full
    rc=$?
    [ $rc = 3 ] || fail "-o /dev/full: exit $rc, expected 3"
    grep -q "cannot write '/dev/full': no space left on device" "$tmp/err" || fail "-o /dev/full: no error line"
    lint --no-cache > /dev/full
    rc=$?
    [ $rc = 3 ] || fail "stdout /dev/full: exit $rc, expected 3"
    grep -q "cannot write the report to standard output: no space left on device" "$tmp/err" ||
        fail "stdout /dev/full: no error line"
    ;;
readonly-cache)
    lint --cache-dir cache -o warm.sarif || fail "filling the cache failed"
    mkdir empty
    if [ "$(id -u)" = 0 ]; then
        # root writes anywhere: run as nobody, who may read but not write.
        command -v setpriv > /dev/null || { echo "faults: setpriv not found, skipped"; exit 77; }
        chmod -R a+rX "$tmp"
        as() { setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; }
        touch out.sarif out2.sarif && chown 65534 out.sarif out2.sarif . 
    else
        chmod a-w cache empty
        as() { "$@"; }
    fi
    before=$(ls -l --time-style=full-iso cache)
    for dir in cache empty; do
        as "$bin" -j1 -p . -f sarif --fail-on none --stats --cache-dir $dir -o out.sarif . 2> "$tmp/err"
        rc=$?
        [ $rc = 0 ] || fail "$dir: exit $rc, expected 0"
        grep -q "the cache directory '$dir' is not writable; cached summaries are used, new ones are not written" "$tmp/err" ||
            fail "$dir: no line saying the cache is not written"
        cmp -s out.sarif "$tmp/ref.sarif" || fail "$dir: the report differs from the clean run's"
    done
    # The filled one was used: its summaries are hits.
    as "$bin" -j1 -p . -f sarif --fail-on none --stats --cache-dir cache -o out.sarif . 2> "$tmp/err"
    grep -q "cache 'cache': 40 hits, 0 misses, 0 stored" "$tmp/err" || fail "the read-only cache was not used"
    after=$(ls -l --time-style=full-iso cache)
    [ "$before" = "$after" ] || fail "the read-only cache changed: $(diff <(echo "$before") <(echo "$after"))"
    [ -z "$(ls -A empty)" ] || fail "the empty read-only cache was written"
    ;;
concurrent)
    for i in 1 2 3 4 5; do
        echo old > out.sarif
        lint --no-cache -o out.sarif & a=$!
        lint --no-cache -o out.sarif 2> "$tmp/err2" & b=$!
        wait $a; ra=$?
        wait $b; rb=$?
        [ $ra = 0 ] && [ $rb = 0 ] || fail "round $i: exits $ra and $rb, expected 0 and 0"
        cmp -s out.sarif "$tmp/ref.sarif" || fail "round $i: the report is not the complete one"
        no_temporaries .
    done
    ;;
sigkill)
    command -v timeout > /dev/null || { echo "faults: timeout not found, skipped"; exit 77; }
    echo old > out.sarif
    for i in $(seq 1 20); do
        cache="--cache-dir cache"
        [ $((i % 2)) = 0 ] && cache=--no-cache
        delay=$(printf '0.%02d' $((i * 4)))
        timeout -s KILL "$delay" "$bin" -j1 -p . -f sarif --fail-on none $cache -o out.sarif . 2> /dev/null
        if [ "$(cat out.sarif)" != old ] && ! cmp -s out.sarif "$tmp/ref.sarif"; then
            fail "kill $i after ${delay}s left a partial report"
        fi
    done
    lint --cache-dir cache -o out.sarif || fail "the run after the kills failed"
    cmp -s out.sarif "$tmp/ref.sarif" || fail "the run after the kills differs from the clean run"
    ;;
*)
    echo "faults: unknown case '$case'" >&2
    exit 2
    ;;
esac
echo "faults/$case: ok"
