#!/usr/bin/env bash
# Trial conc-lint on memcached (Debian source package): fetch, build under bear,
# then time conc-lint against the clang-19 -fsyntax-only floor and count findings.
# See scripts/corpus.sh for the steps and the environment variables.
set -euo pipefail
exec "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/corpus.sh" memcached
