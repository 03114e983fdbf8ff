#!/bin/sh
# sandbox-setup.sh ROOT ID... - empties ROOT (a directory named "sandbox")
# and creates ROOT/ID/home, ROOT/ID/cache and ROOT/ID/tmp for each ID: the
# per-test directories of tests/CMakeLists.txt.
set -eu
root=$1
shift
case "$root" in
*/sandbox) ;;
*) echo "sandbox-setup: '$root' is not a sandbox directory" >&2; exit 1 ;;
esac
rm -rf "$root"
for id in "$@"; do
    printf '%s\0' "$root/$id/home" "$root/$id/cache" "$root/$id/tmp"
done | xargs -0 mkdir -p
echo "sandbox-setup: $# test directories under $root"
