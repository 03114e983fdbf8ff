#!/bin/sh
# hostile-config.sh CONC_LINT REPO - hostile configuration (issue 15 item 5):
#   1. an exclude pattern with catastrophic backtracking on a long file name
#      runs under PCRE2's match and depth limits: the run completes (ctest's
#      timeout is the hang detector) and the file counts as not excluded;
#   2. a .conc-lint.json another user planted in a shared parent directory
#      (the /tmp case) does not turn a rule off: it is named in a warning
#      and skipped (needs root to chown the file; skipped otherwise);
#   3. the search stops at the repository root: a config above it is not
#      used.
set -u
bin=$1 repo=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { cat "$tmp/err" >&2; echo "hostile-config: $*" >&2; exit 1; }
mkdir -p "$tmp/shared/proj"
cd "$tmp/shared/proj" || exit 2
name=$(printf 'a%.0s' $(seq 1 60))b
cp "$repo/testdata/races/01-counter-unlocked.c" "$name.c"

printf '{ "version": 1, "exclude": ["^(a+)+$", "^(a|aa)*c"] }\n' > cfg.json
"$bin" --no-cache --config cfg.json "$name.c" -- -pthread > "$tmp/out" 2> "$tmp/err"
rc=$?
[ $rc = 1 ] || fail "catastrophic exclude pattern: exit $rc, expected 1 (the race; no match)"
echo "1. catastrophic exclude patterns: the run completes"

printf '{ "version": 1, "rules": { "CL002": "off" } }\n' > "$tmp/shared/.conc-lint.json"
if [ "$(id -u)" = 0 ]; then
    chown 65534 "$tmp/shared/.conc-lint.json"
    "$bin" --no-cache "$name.c" -- -pthread > "$tmp/out" 2> "$tmp/err"
    rc=$?
    [ $rc = 1 ] || fail "a config planted by another user turned the race off (exit $rc)"
    grep -q "warning: '$tmp/shared/.conc-lint.json' is owned by another user and is not used" "$tmp/err" ||
        fail "no warning naming the planted config"
    chown 0 "$tmp/shared/.conc-lint.json"
    "$bin" --no-cache "$name.c" -- -pthread > "$tmp/out" 2> "$tmp/err"
    rc=$?
    [ $rc = 0 ] || fail "the user's own config was not used (exit $rc)"
    echo "2. a config owned by another user is skipped with a warning"
else
    echo "2. skipped (needs root to chown)"
fi

mkdir .git
"$bin" --no-cache "$name.c" -- -pthread > "$tmp/out" 2> "$tmp/err"
rc=$?
[ $rc = 1 ] || fail "a config above the repository root was used (exit $rc)"
echo "3. the search stops at the repository root"
