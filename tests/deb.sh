#!/bin/sh
# deb.sh BUILD_DIR - `cpack -G DEB` builds a .deb (into a temporary
# directory) whose Depends names the libclang, cJSON and PCRE2 packages and
# which holds the binary, the man page and the completions.
set -eu
build=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "deb: $*" >&2; exit 1; }
command -v dpkg-deb > /dev/null 2>&1 || { echo "SKIP: dpkg-deb not found"; exit 77; }

cpack -G DEB --config "$build/CPackConfig.cmake" -B "$tmp" > "$tmp/cpack.log" 2>&1 ||
    { cat "$tmp/cpack.log" >&2; fail "cpack -G DEB failed"; }
deb=$(ls "$tmp"/*.deb 2> /dev/null | head -1)
[ -n "$deb" ] || { cat "$tmp/cpack.log" >&2; fail "cpack wrote no .deb"; }
dep=$(dpkg-deb -f "$deb" Depends)
echo "$(basename "$deb"): Depends: $dep"
for want in 'libclang1-[0-9]' 'libclang-common-[0-9]*-dev' 'libcjson1' 'libpcre2-8-0'; do
    echo "$dep" | grep -Eq "(^|, )$want" || fail "Depends lacks $want"
done
dpkg-deb -c "$deb" > "$tmp/contents"
for f in ./usr/bin/conc-lint ./usr/share/man/man1/conc-lint.1 \
         ./usr/share/bash-completion/completions/conc-lint ./usr/share/zsh/vendor-completions/_conc-lint; do
    grep -q " $f\$" "$tmp/contents" || fail "$f is not in the package"
done
echo "Depends names libclang, cJSON and PCRE2; binary, man page and completions packaged"
