#!/bin/sh
# install.sh BUILD_DIR REPO - `cmake --install` into a temporary prefix
# installs a conc-lint that works from there:
#   1. the binary, the man page, bash and zsh completions and the docs are
#      where packagers and shells look for them;
#   2. the man page names every long option of --help (so it cannot fall
#      behind the program), the exit codes, the config file and the
#      suppression syntax, and man(1)/groff renders it without warnings
#      when one of them is installed;
#   3. the bash completion loads and completes options, formats and rules;
#   4. the installed binary analyzes a testdata file (exit 1, the finding),
#      and --version names the commit and the libclang it would load.
set -eu
build=$1 repo=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "install: $*" >&2; exit 1; }

p=$tmp/prefix
cmake --install "$build" --prefix "$p" > "$tmp/install.log" || { cat "$tmp/install.log" >&2; fail "cmake --install failed"; }
for f in bin/conc-lint share/man/man1/conc-lint.1 share/bash-completion/completions/conc-lint \
         share/zsh/vendor-completions/_conc-lint share/doc/conc-lint/README.md \
         share/doc/conc-lint/ci.md share/doc/conc-lint/suppressions.md \
         share/doc/conc-lint/editors/github-workflow.yml; do
    [ -f "$p/$f" ] || fail "not installed: $f"
done
[ -x "$p/bin/conc-lint" ] || fail "bin/conc-lint is not executable"
echo "1. installed: binary, man page, bash and zsh completions, docs"

man=$p/share/man/man1/conc-lint.1
opts=$("$p/bin/conc-lint" --help | grep -Eo -- '--[a-z][a-z-]*' | sort -u)
[ -n "$opts" ] || fail "--help lists no long option"
for o in $opts; do
    esc=$(printf '%s' "$o" | sed 's/-/\\\\-/g')
    grep -q -- "$esc" "$man" || fail "man page does not describe $o"
done
for s in 'EXIT STATUS' CONFIGURATION SUPPRESSIONS 'conc\\-lint\\-ignore' NOLINTNEXTLINE '\.conc\\-lint\.json'; do
    grep -q "$s" "$man" || fail "man page lacks '$s'"
done
if command -v groff > /dev/null 2>&1; then
    groff -man -Tutf8 -ww -z "$man" 2> "$tmp/groff.err"
    [ ! -s "$tmp/groff.err" ] || { cat "$tmp/groff.err" >&2; fail "groff warns about the man page"; }
fi
echo "2. man page: all $(echo "$opts" | wc -l) options of --help, exit status, config, suppressions"

if command -v bash > /dev/null 2>&1; then
    got=$(PATH="$p/bin:$PATH" bash -c '
        . "$1"
        complete_words() { COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _conc_lint; echo "${COMPREPLY[*]}"; }
        complete_words conc-lint --fo
        complete_words conc-lint -f sa
        complete_words conc-lint --enable CL00' sh "$p/share/bash-completion/completions/conc-lint")
    echo "$got" | grep -q -- '--format' || fail "bash completion: --fo gave '$got'"
    echo "$got" | grep -q 'sarif-upload' || fail "bash completion: -f sa gave '$got'"
    echo "$got" | grep -q 'CL002' || fail "bash completion: --enable CL00 gave '$got'"
    echo "3. bash completion: options, formats, rule ids"
fi

cp "$repo/testdata/cl002-unguarded-shared-state/03-stats-bytes-after-unlock.c" "$tmp/t.c"
cd "$tmp"
set +e
"$p/bin/conc-lint" --no-cache t.c > out.txt 2> err.txt
rc=$?
set -e
[ "$rc" = 1 ] || { cat out.txt err.txt >&2; fail "installed conc-lint on t.c: exit $rc, expected 1"; }
grep -q 'CL002/unguarded-shared-state' out.txt || { cat out.txt >&2; fail "installed conc-lint: no CL002 finding"; }
"$p/bin/conc-lint" --version > ver.txt
grep -q '(commit [0-9a-f]' ver.txt || { cat ver.txt >&2; fail "--version names no commit"; }
grep -q '^libclang: /.*libclang.*(version [0-9]' ver.txt || { cat ver.txt >&2; fail "--version names no libclang"; }
echo "4. the installed binary finds the race in t.c; --version:"
cat ver.txt
