#!/usr/bin/env bash
# The main job: install what is missing, build, and run conc-lint.
#
#   scripts/run.sh                     analyze the example server (testdata/example-server)
#   scripts/run.sh [conc-lint args]    run conc-lint with these arguments instead
#
# With no arguments, findings on the example are expected: they are printed and
# the exit status is 0. With arguments, the exit status is conc-lint's
# (0 clean, 1 findings, 2 usage/config error, 3 analysis failed).
# Set-up and build messages go to stderr; stdout carries only conc-lint's output.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
die() { echo "run: error: $*" >&2; exit 1; }

"$REPO/scripts/setup.sh" --build-only >&2 || die "set-up failed (see above)"
"$REPO/scripts/build.sh" >&2 || die "build failed (see above)"
BIN="$REPO/build/conc-lint"
[[ -x "$BIN" ]] || die "$BIN was not built"

if [[ $# -gt 0 ]]; then
  exec "$BIN" "$@"
fi

cd "$REPO"
EXAMPLE=testdata/example-server
[[ -f "$EXAMPLE/compile_commands.json" ]] || die "$EXAMPLE/compile_commands.json not found"
echo "run: conc-lint -p $EXAMPLE $EXAMPLE" >&2
rc=0
"$BIN" -p "$EXAMPLE" "$EXAMPLE" || rc=$?
case "$rc" in
  0) echo "run: no findings on $EXAMPLE" >&2 ;;
  1) echo "run: findings above are expected on $EXAMPLE (it is seeded with bugs)" >&2; rc=0 ;;
  *) echo "run: error: conc-lint exited $rc on $EXAMPLE" >&2 ;;
esac
exit "$rc"
