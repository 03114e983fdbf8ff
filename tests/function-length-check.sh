#!/bin/sh
# function-length-check.sh SOURCE_DIR - scripts/check-function-length.py
# finds the long functions of tests/source/lengths.c and nothing else, and
# fails the run for them.
set -u
src=$1
out=$(python3 "$src/scripts/check-function-length.py" --max 4 "$src/tests/source/lengths.c")
rc=$?
printf '%s\n' "$out"
want="$src/tests/source/lengths.c:24: 'long_one' is 6 lines (limit 4)
$src/tests/source/lengths.c:30: 'tricky' is 7 lines (limit 4)
check-function-length: 2 function(s) over 4 lines"
[ "$rc" = 1 ] || { echo "function-length-check: exit $rc, expected 1" >&2; exit 1; }
[ "$out" = "$want" ] || { echo "function-length-check: expected:" >&2; printf '%s\n' "$want" >&2; exit 1; }
