#!/bin/sh
# expect-exit.sh STATUS TEXT CMD... - runs CMD and passes when it exits with
# STATUS and its output (stdout and stderr) contains TEXT.
set -u
want=$1 text=$2
shift 2
out=$("$@" 2>&1)
got=$?
printf '%s\n' "$out"
if [ "$got" -ne "$want" ]; then
    echo "expect-exit: '$1' exited $got, expected $want" >&2
    exit 1
fi
case "$out" in
*"$text"*) exit 0 ;;
esac
echo "expect-exit: output lacks '$text'" >&2
exit 1
