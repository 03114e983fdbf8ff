#!/bin/sh
# lsp-nvim.sh CONC_LINT SOURCE_DIR - `conc-lint lsp` in Neovim's built-in LSP
# client (nvim --headless, tests/lsp-nvim.lua) on a copy of
# testdata/example-server: the race at stats.c:48 shows as a CL002 warning
# in stats.c and, where its thread starts, in main.c (line 60). Without
# nvim the test is skipped (exit 77), except in CI (CI=true), as
# html-report.sh does.
set -eu
bin=$1
src=$2
if ! command -v nvim >/dev/null 2>&1; then
    echo "lsp-nvim: nvim not found (scripts/setup.sh installs Debian's neovim)"
    [ "${CI:-}" = true ] && exit 1
    exit 77
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/lsp-nvim.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
cp -R "$src/testdata/example-server" "$tmp/proj"
export CONC_LINT="$bin" LSP_PROJ="$tmp/proj" LSP_OUT="$tmp/diagnostics" LSP_CACHE="$tmp/cache"
status=0
(cd "$tmp/proj" && timeout 300 nvim --headless --clean -c "luafile $src/tests/lsp-nvim.lua") \
    >"$tmp/nvim.log" 2>&1 || status=$?
cat "$tmp/diagnostics" 2>/dev/null || true
fail() { echo "lsp-nvim: FAIL: $*"; cat "$tmp/nvim.log"; exit 1; }
[ "$status" -eq 0 ] || fail "nvim exited with status $status (diagnostics did not come?)"
grep -q '^stats\.c:48:11: WARN CL002 write to .stats\.bytes_in.' "$tmp/diagnostics" ||
    fail "no CL002 warning at stats.c:48:11"
grep -q '^main\.c:60:[0-9]*: INFO CL002 thread .stats_reporter_main. started here' "$tmp/diagnostics" ||
    fail "no CL002 information at main.c:60"
echo "lsp-nvim: the race shows in both files"
