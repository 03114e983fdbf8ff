#!/bin/sh
# lazy-libclang.sh CONC_LINT REPO [READELF] - libclang is loaded only to
# parse (analyzer/frontend/libclang.c). Which libraries a run loads is read from the
# dynamic loader's log (glibc's LD_DEBUG=files). On a copy of
# testdata/example-server:
#   1. the executable does not link libclang or libLLVM (readelf -d);
#   2. --version, --help, --list-rules and --explain do not load them;
#   3. a cold run loads them (the check of 2 and 4 can see a load; it
#      parses in-process, --tu-timeout 0 --tu-memory 0: the children that
#      parse under limits load libclang themselves and close the loader's
#      log, cli/isolate.c);
#   4. a warm run, every summary from the cache (after one run that
#      refreshes entries made too close to the copy), does not load them
#      and gives the same output;
#   5. a run that must parse fails with exit status 3 and one line,
#      "conc-lint: error: cannot load libclang '<path>': ...", when
#      $CONC_LINT_LIBCLANG is not a shared object or does not exist.
set -eu
bin=$1 repo=$2 readelf=${3:-readelf}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "lazy-libclang: $*" >&2; exit 1; }

if "$readelf" -d "$bin" | grep NEEDED | grep -Ei 'libclang|libLLVM'; then
    fail "$bin links libclang or libLLVM"
fi
echo "1. no libclang or libLLVM among the executable's DT_NEEDED"

# traced WHAT CMD... - runs CMD with the loader's log in $tmp/ld/, its
# stderr in $tmp/err; fails unless CMD exits 0 or 1. Prints the libclang and
# libLLVM files loaded. Use in $(...): the exports end with the subshell.
traced() {
    what=$1
    shift
    rm -rf "$tmp/ld"
    mkdir "$tmp/ld"
    set +e
    export LD_DEBUG=files LD_DEBUG_OUTPUT="$tmp/ld/log"
    "$@" > /dev/null 2> "$tmp/err"
    rc=$?
    unset LD_DEBUG LD_DEBUG_OUTPUT
    set -e
    [ "$rc" -le 1 ] || { cat "$tmp/err" >&2; fail "$what exited $rc"; }
    cat "$tmp"/ld/log.* > "$tmp/ld.log" 2> /dev/null || true
    grep -q 'file=.*libc\.so' "$tmp/ld.log" || fail "$what: no loader log (LD_DEBUG needs glibc)"
    grep -Eo 'file=[^ ]*lib(clang|LLVM)[^ ]*' "$tmp/ld.log" | sed 's/^file=//' | sort -u
}

for args in --version --help --list-rules "--explain CL002"; do
    # shellcheck disable=SC2086 # "--explain CL002" is two arguments
    loaded=$(traced "conc-lint $args" "$bin" $args)
    [ -z "$loaded" ] || fail "conc-lint $args loaded $loaded"
done
echo "2. --version, --help, --list-rules, --explain: libclang not loaded"

cp -r "$repo/testdata/example-server" "$tmp/src"
cd "$tmp/src"
ntu=$(ls *.c | wc -l)
lint() { "$bin" --stats -j4 --cache-dir "$tmp/c" -f sarif --fail-on none "$@"; }
loaded=$(traced "cold run" lint --tu-timeout 0 --tu-memory 0 -o "$tmp/cold.sarif" .)
grep -q "cache .*: 0 hits, $ntu misses" "$tmp/err" || { cat "$tmp/err" >&2; fail "cold run: expected $ntu misses"; }
[ -n "$loaded" ] || fail "cold run: libclang's loading is not in the loader log"
echo "3. cold run, $ntu misses: loaded $(echo $loaded)"

# A TU parsed within the cache's clock slack of the copy above cannot
# trust the directory's state and is parsed again once (cache.c,
# parsed_state): one more run first, so that the warm run finds every entry.
lint -o "$tmp/settle.sarif" . 2> /dev/null
loaded=$(traced "warm run" lint -o "$tmp/warm.sarif" .)
grep -q "cache .*: $ntu hits, 0 misses" "$tmp/err" || { cat "$tmp/err" >&2; fail "warm run: expected $ntu hits"; }
[ -z "$loaded" ] || fail "warm run loaded $loaded"
cmp "$tmp/cold.sarif" "$tmp/warm.sarif" || fail "warm run output differs"
echo "4. warm run, $ntu hits: libclang not loaded, identical output"

for lib in "$repo/README.md" "$tmp/missing.so"; do
    set +e
    CONC_LINT_LIBCLANG="$lib" "$bin" --no-cache -j4 -f sarif -o "$tmp/out.sarif" . 2> "$tmp/err"
    rc=$?
    set -e
    [ "$rc" = 3 ] || { cat "$tmp/err" >&2; fail "CONC_LINT_LIBCLANG=$lib: exit status $rc, expected 3"; }
    [ "$(wc -l < "$tmp/err")" = 1 ] && grep -q "^conc-lint: error: cannot load libclang '$lib': ." "$tmp/err" ||
        { cat "$tmp/err" >&2; fail "CONC_LINT_LIBCLANG=$lib: expected one line 'cannot load libclang'"; }
    [ ! -e "$tmp/out.sarif" ] || fail "a run that could not load libclang wrote its output"
    cat "$tmp/err"
done
echo "5. without a loadable libclang, a run that must parse exits 3 with one clear line"
