#!/usr/bin/env bash
# Install what conc-lint needs to build and test, on Debian 12 (bookworm), as root.
# Idempotent: when everything is already there it touches neither apt nor the
# network and returns in well under a second.
#
#   build:  cmake make gcc pkg-config libclang-19-dev llvm-19 (llvm-config) libcjson-dev libpcre2-dev
#   tests:  clang-19 + libclang-rt-19-dev (sanitizer builds, symbolized
#           reports, the clang -fsyntax-only baseline), python3, Node.js/npx and
#           @microsoft/sarif-multitool (SARIF validation) in build/sarif-tool/,
#           strace (the cache test checks that a warm run opens no header),
#           pre-commit (the hook test), chromium (the HTML report test, headless),
#           groff (the man page test), neovim (the language server test, headless)
#
#   scripts/setup.sh               build and test dependencies
#   scripts/setup.sh --build-only  only what building and running conc-lint needs
#                                  (scripts/run.sh: no test tools, no network for npm)
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SARIF_PREFIX="$REPO/build/sarif-tool"
SARIF_BIN="$SARIF_PREFIX/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool"

die() { echo "setup: error: $*" >&2; exit 1; }
log() { echo "setup: $*" >&2; }

BUILD_ONLY=0
case "${1:-}" in
  "") ;;
  --build-only) BUILD_ONLY=1 ;;
  *) die "unknown argument '$1' (expected --build-only or nothing)" ;;
esac

PACKAGES=(cmake make gcc pkg-config libc6-dev libclang-19-dev llvm-19 libcjson-dev libpcre2-dev)
[[ $BUILD_ONLY -eq 1 ]] ||
  PACKAGES+=(clang-19 libclang-rt-19-dev python3 strace pre-commit chromium groff neovim)

missing=()
for p in "${PACKAGES[@]}"; do
  [[ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)" == "install ok installed" ]] || missing+=("$p")
done
[[ $BUILD_ONLY -eq 1 ]] || command -v npx >/dev/null 2>&1 || missing+=(nodejs npm)

if [[ ${#missing[@]} -gt 0 ]]; then
  [[ $EUID -eq 0 ]] || die "missing packages (${missing[*]}); run as root: sudo scripts/setup.sh"
  command -v apt-get >/dev/null || die "missing ${missing[*]} and apt-get is not available (Debian 12 expected)"
  log "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get -o DPkg::Lock::Timeout=600 update -q >/dev/null || die "apt-get update failed (no network?); missing: ${missing[*]}"
  apt-get -o DPkg::Lock::Timeout=600 install -y -q --no-install-recommends "${missing[@]}" >/dev/null \
    || die "apt-get install failed for: ${missing[*]}"
fi

[[ $BUILD_ONLY -eq 0 ]] || exit 0

# SARIF validator (npm registry), in a local prefix: nothing global is touched.
if [[ ! -x "$SARIF_BIN" ]]; then
  if [[ ! -f "$SARIF_BIN" ]]; then
    command -v npm >/dev/null || die "npm not found: install nodejs and npm"
    log "installing @microsoft/sarif-multitool into $SARIF_PREFIX"
    mkdir -p "$SARIF_PREFIX"
    npm install --prefix "$SARIF_PREFIX" --no-audit --no-fund --loglevel=error \
        @microsoft/sarif-multitool >/dev/null \
      || die "npm install @microsoft/sarif-multitool failed (no network?)"
    [[ -f "$SARIF_BIN" ]] || die "npm installed @microsoft/sarif-multitool but $SARIF_BIN is missing"
  fi
  chmod u+x "$SARIF_BIN"
fi
