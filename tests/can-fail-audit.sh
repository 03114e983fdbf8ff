#!/bin/sh
# can-fail-audit.sh BUILD [STATUS...] - lists the tests that still pass when
# conc-lint is broken: for each STATUS (default: 0 1), the suite of BUILD is
# run from a scratch copy of its test list in which the conc-lint binary is
# a script that prints nothing and exits with STATUS. Unit-test programs
# (they link the library, not the binary) and checks that do not run
# conc-lint are expected to pass; every other test should fail. Not a ctest
# test (it runs the whole suite twice); run it after changing tests.
set -eu
build=$(cd "$1" && pwd)
shift
[ $# -gt 0 ] || set -- 0 1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for status in "$@"; do
    dir=$tmp/exit$status
    mkdir -p "$dir/run"
    printf '#!/bin/sh\nexit %s\n' "$status" > "$dir/conc-lint"
    chmod +x "$dir/conc-lint"
    python3 - "$build" "$dir" <<'PY'
import sys
build, d = sys.argv[1], sys.argv[2]
text = open(build + "/tests/CTestTestfile.cmake").read()
text = text.replace('"' + build + '/conc-lint"', '"' + d + '/conc-lint"')
text = text.replace(build + "/tests/sandbox", d + "/sandbox")
open(d + "/run/CTestTestfile.cmake", "w").write(text)
PY
    (cd "$dir/run" && ctest -j"${JOBS:-2}" > "$dir/log" 2>&1) || true
    passed=$(sed -n 's/^ *[0-9]*\/[0-9]* Test *#[0-9]*: \([^ ]*\) .*  Passed .*/\1/p' "$dir/log" | sort)
    echo "== conc-lint replaced by 'exit $status': $(printf '%s\n' "$passed" | grep -c .) tests pass"
    printf '%s\n' "$passed" | sed 's/^/  /'
done
