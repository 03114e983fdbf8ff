#!/bin/sh
# same-output.sh CONC_LINT DIR - SARIF for every case folder under DIR is
# byte-identical with -j 1 and -j 4.
set -eu
bin=$1 dir=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for d in "$dir"/*/; do
    for j in 1 4; do
        "$bin" -j $j -f sarif --fail-on none -o "$tmp/out$j.sarif" "$d" -- -pthread
    done
    cmp "$tmp/out1.sarif" "$tmp/out4.sarif" || { echo "differs with -j for $d" >&2; exit 1; }
done
echo "identical for -j 1 and -j 4"
