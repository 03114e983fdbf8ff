#!/usr/bin/env bash
# The test command: set-up, build with warnings as errors, every test.
#
#   scripts/test.sh           build/ + ctest; build-asan/ (ASan+UBSan) + ctest
#                             (the suite scores, label races, aside);
#                             build-tsan/ (TSan) + ctest -L tsan
#   scripts/test.sh --quick   build/ + ctest only
#
# Exits non-zero on the first failing step.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
die() { echo "test: error: $*" >&2; exit 1; }
step() { echo "==== test: $* ($(( SECONDS ))s)" >&2; }

quick=0
for arg in "$@"; do
  case "$arg" in
    --quick) quick=1 ;;
    -h|--help) awk 'NR > 1 && !/^#/ { exit } NR > 1 { sub(/^# ?/, ""); print }' "${BASH_SOURCE[0]}"; exit 0 ;;
    *) echo "test: error: unknown argument '$arg' (use --quick)" >&2; exit 2 ;;
  esac
done

JOBS="${JOBS:-$(nproc)}"
# Per-test limit for tests that set none (ctest's default is 1500 s).
CTEST_ARGS=(--output-on-failure -j"$JOBS" --timeout 300)

# Sanitizers: stop at the first report, readable stacks.
SYMBOLIZER="$(command -v llvm-symbolizer-19 || command -v llvm-symbolizer || true)"
[[ -z "$SYMBOLIZER" && -x /usr/lib/llvm-19/bin/llvm-symbolizer ]] && SYMBOLIZER=/usr/lib/llvm-19/bin/llvm-symbolizer
if [[ -n "$SYMBOLIZER" ]]; then
  export ASAN_SYMBOLIZER_PATH="$SYMBOLIZER" TSAN_SYMBOLIZER_PATH="$SYMBOLIZER"
fi
export ASAN_OPTIONS="${ASAN_OPTIONS:-abort_on_error=0:detect_leaks=1:strict_string_checks=1:detect_stack_use_after_return=1:check_initialization_order=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
export TSAN_OPTIONS="${TSAN_OPTIONS:-halt_on_error=1:second_deadlock_stack=1}"

step "set-up"
"$REPO/scripts/setup.sh" || die "set-up failed"
# The SARIF validator setup.sh installed serves every build dir (tests/sarif-validate.sh).
SARIF_TOOL="$REPO/build/sarif-tool/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool"
if [[ -z "${SARIF_MULTITOOL:-}" && -x "$SARIF_TOOL" ]]; then
  export SARIF_MULTITOOL="$SARIF_TOOL"
fi

step "build (gcc, -Werror)"
"$REPO/scripts/build.sh" || die "build failed"
step "ctest in build/"
(cd "$REPO/build" && ctest "${CTEST_ARGS[@]}" --no-tests=error) || die "tests failed in build/"

if [[ $quick -eq 1 ]]; then
  step "done (--quick: sanitizer passes skipped)"
  exit 0
fi

step "build with ASan+UBSan (clang-19)"
"$REPO/scripts/build.sh" --asan || die "ASan+UBSan build failed"
# The suite scores (label races) parse the same files as the verify/races and
# verify/event-loops tests, which do run here; under ASan they only cost time.
step "ctest -LE races in build-asan/"
(cd "$REPO/build-asan" && ctest "${CTEST_ARGS[@]}" --no-tests=error -LE races) || die "tests failed under ASan+UBSan (build-asan/)"

step "build with TSan (clang-19)"
"$REPO/scripts/build.sh" --tsan || die "TSan build failed"
# libclang/libLLVM are not built with TSan: see tests/tsan.supp.
export TSAN_OPTIONS="$TSAN_OPTIONS:suppressions=$REPO/tests/tsan.supp"
ntsan="$(cd "$REPO/build-tsan" && ctest -N -L tsan | sed -n 's/^Total Tests: //p')"
if [[ "${ntsan:-0}" -eq 0 ]]; then
  echo "test: warning: no tests labelled 'tsan'; the TSan pass ran nothing" >&2
else
  step "ctest -L tsan in build-tsan/ ($ntsan tests)"
  (cd "$REPO/build-tsan" && ctest "${CTEST_ARGS[@]}" -L tsan) || die "tests failed under TSan (build-tsan/)"
fi

step "all passed"
