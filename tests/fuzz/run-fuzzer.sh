#!/bin/sh
# run-fuzzer.sh FUZZER WORKDIR SECONDS SEED_DIR... - one bounded libFuzzer run
# (the ctest fuzz/<name>, see tests/fuzz.cmake).
#
# WORKDIR is emptied and holds: corpus/ (the writable first corpus
# directory: libFuzzer adds new inputs there, never to the seed directories
# in the source tree), artifacts/ (crash-*, leak-*, timeout-*, oom-* inputs),
# log, and tmp/ (the targets' scratch files). Exit status 0 when the run
# ends without a finding; otherwise the fuzzer's status, with the finding
# and the reproducer named.
set -u
fuzzer=$1 work=$2 secs=$3
shift 3
rm -rf "$work" && mkdir -p "$work/corpus" "$work/artifacts" "$work/tmp" || exit 1
# The targets' private temporary directories (left behind when one aborts).
TMPDIR=$work/tmp
export TMPDIR
"$fuzzer" -max_total_time="$secs" -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 \
  -artifact_prefix="$work/artifacts/" "$work/corpus" "$@" >"$work/log" 2>&1
rc=$?
if [ $rc -ne 0 ]; then
  # The finding first (it is printed above the stack trace), then the end.
  grep -a -m 8 -E 'fuzz invariant violated|ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|runtime error:|^SUMMARY:' "$work/log"
  echo "--- end of the log:"
  tail -n 15 "$work/log"
  echo "fuzz: $(basename "$fuzzer") exited $rc; reproducer(s):" >&2
  ls -l "$work/artifacts" >&2
  echo "fuzz: rerun one with: $fuzzer <artifact>; full log: $work/log" >&2
  exit $rc
fi
tail -n 8 "$work/log"
if ls "$work/artifacts" | grep -q .; then
  echo "fuzz: $(basename "$fuzzer") left artifacts in $work/artifacts" >&2
  exit 1
fi
exit 0
