#!/usr/bin/env bash
# Configure and build conc-lint with CMake, warnings as errors.
#
#   scripts/build.sh            gcc, into build/
#   scripts/build.sh --asan     clang-19, AddressSanitizer + UBSan, into build-asan/
#   scripts/build.sh --tsan     clang-19, ThreadSanitizer, into build-tsan/
#
# Environment: CC overrides the compiler, CMAKE_BUILD_TYPE the build type
# (default RelWithDebInfo), JOBS the parallel jobs (default nproc), LLVM_CONFIG
# the llvm-config of the LLVM to use (default: newest /usr/lib/llvm-NN, NN >= 17).
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
die() { echo "build: error: $*" >&2; exit 1; }

variant=default
for arg in "$@"; do
  case "$arg" in
    --asan) variant=asan ;;
    --tsan) variant=tsan ;;
    -h|--help) awk 'NR > 1 && !/^#/ { exit } NR > 1 { sub(/^# ?/, ""); print }' "${BASH_SOURCE[0]}"; exit 0 ;;
    *) echo "build: error: unknown argument '$arg' (use --asan or --tsan)" >&2; exit 2 ;;
  esac
done

case "$variant" in
  default) dir="$REPO/build";      cc="${CC:-gcc}";      san=(-DCL_SANITIZE=OFF -DCL_TSAN=OFF) ;;
  asan)    dir="$REPO/build-asan"; cc="${CC:-clang-19}"; san=(-DCL_SANITIZE=ON -DCL_TSAN=OFF -DCL_FUZZ=ON) ;;
  tsan)    dir="$REPO/build-tsan"; cc="${CC:-clang-19}"; san=(-DCL_SANITIZE=OFF -DCL_TSAN=ON) ;;
esac

command -v cmake >/dev/null || die "cmake not found: run scripts/setup.sh first"
command -v "$cc" >/dev/null || die "compiler '$cc' not found: run scripts/setup.sh first"
cc_path="$(command -v "$cc")"

# A build dir configured with another compiler cannot be switched in place.
if [[ -f "$dir/CMakeCache.txt" ]]; then
  cached="$(sed -n 's/^CMAKE_C_COMPILER:[A-Z]*=//p' "$dir/CMakeCache.txt")"
  if [[ -n "$cached" && "$cached" != "$cc_path" ]]; then
    echo "build: $dir was configured with $cached; reconfiguring with $cc_path" >&2
    rm -f "$dir/CMakeCache.txt"
    rm -rf "$dir/CMakeFiles"
  fi
fi

# libclang: LLVM_CONFIG from the environment, else the newest Debian LLVM 17+
# (/usr/lib/llvm-NN/bin/llvm-config); never an older default llvm-config.
llvm_config="${LLVM_CONFIG:-}"
if [[ -z "$llvm_config" ]]; then
  for v in 21 20 19 18 17; do
    if [[ -x "/usr/lib/llvm-$v/bin/llvm-config" ]]; then
      llvm_config="/usr/lib/llvm-$v/bin/llvm-config"
      break
    fi
  done
fi
llvm_arg=()
[[ -n "$llvm_config" ]] && llvm_arg=(-DLLVM_CONFIG="$llvm_config")

cmake -S "$REPO" -B "$dir" \
  -DCMAKE_C_COMPILER="$cc_path" \
  -DCMAKE_BUILD_TYPE="${CMAKE_BUILD_TYPE:-RelWithDebInfo}" \
  -DCL_WERROR=ON "${san[@]}" "${llvm_arg[@]}" \
  || die "CMake configure failed ($dir)"
cmake --build "$dir" -j"${JOBS:-$(nproc)}" || die "build failed ($dir)"
