#!/usr/bin/env bash
# engine-budget.sh CONC_LINT SRC REC - the walk budget is never silent: a thread
# walk cut at its step budget ("walk_budget" in .conc-lint.json) is named in
# a warning on stderr and in SARIF toolExecutionNotifications, counted in
# --stats, and the walk goes on (the race after the cut is still found);
# with the default budget the same program is walked whole; a call chain
# deeper than the depth bound is reported the same way; the recursive
# program REC is walked whole.
set -euo pipefail
BIN="$(realpath "$1")"; SRC="$(realpath "$2")"; REC="$(realpath "$3")"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
fail() { echo "engine-budget: $*" >&2; exit 1; }
cp "$SRC" "$tmp/deep.c"
cd "$tmp"
echo '{"walk_budget": 1000}' > .conc-lint.json
rc=0; "$BIN" --no-cache --stats -f sarif -o cut.sarif deep.c -- -pthread 2> cut.err || rc=$?
[[ $rc -eq 1 ]] || fail "expected exit 1 (findings) with the small budget, got $rc"
grep -q "the walk of thread 'worker' (started at deep.c:[0-9]*) reached its step budget (1000 steps" cut.err \
  || fail "no truncation warning on stderr"
grep -q "1 thread walk truncated" cut.err || fail "--stats does not count the truncated walk"
python3 - cut.sarif <<'PY' || fail "the SARIF log lacks the notification or the race"
import json, sys
run = json.load(open(sys.argv[1]))['runs'][0]
notes = run['invocations'][0].get('toolExecutionNotifications', [])
assert any('reached its step budget' in n['message']['text'] and n['level'] == 'warning' for n in notes), notes
assert any(r['ruleId'] == 'CL002' for r in run['results'])
PY
rm .conc-lint.json
rc=0; "$BIN" --no-cache --stats deep.c -- -pthread > whole.txt 2> whole.err || rc=$?
[[ $rc -eq 1 ]] || fail "expected exit 1 with the default budget, got $rc"
grep -q "0 thread walks truncated" whole.err || fail "the default budget cut the walk"
if grep -q "step budget" whole.err; then fail "a truncation warning without truncation"; fi

# Calls nested deeper than the depth bound are not descended into, and the
# run says so (the race in the innermost function is then not found).
{
  echo '#include <pthread.h>'
  echo 'int g;'
  echo 'static void f140(void) { g++; }'
  for i in $(seq 139 -1 0); do echo "static void f$i(void) { f$((i + 1))(); }"; done
  echo 'static void *run(void *a) { (void)a; f0(); return 0; }'
  echo 'int main(void) { pthread_t t[2]; for (int i = 0; i < 2; i++) pthread_create(&t[i], 0, run, 0);'
  echo '  for (int i = 0; i < 2; i++) pthread_join(t[i], 0); return 0; }'
} > chain.c
rc=0; "$BIN" --no-cache --stats chain.c -- -pthread > chain.txt 2> chain.err || rc=$?
grep -q "the walk of thread 'run' (started at chain.c:[0-9]*) met calls nested deeper than 128 frames" chain.err \
  || fail "a depth cut was silent"
grep -Eq "thread walks? truncated" chain.err && ! grep -q " 0 thread walks truncated" chain.err \
  || fail "--stats does not count the depth cut"
# A cut walk of a main thread names main()'s file with its folder: a
# compile database can hold several programs, each with its own main.c.
mkdir -p tool/kdig
{
  echo 'int g;'
  echo 'static void f200(void) { g++; }'
  for i in $(seq 199 -1 0); do echo "static void f$i(void) { f$((i + 1))(); }"; done
  echo 'int main(void) { f0(); return 0; }'
} > tool/kdig/main.c
"$BIN" --no-cache tool/kdig/main.c -- > main.txt 2> main.err || true
grep -q "the walk of the main thread (main() in kdig/main.c) met calls nested deeper than" main.err \
  || fail "a main thread's cut does not name its folder: $(cat main.err)"
# Recursion over a data structure is walked whole at the default budget
# (widened calling contexts), and what follows it is still found.
cp "$REC" rec.c
rc=0; "$BIN" --no-cache --stats rec.c -- -pthread > rec.txt 2> rec.err || rc=$?
[[ $rc -eq 1 ]] || fail "expected exit 1 (the race after the recursion), got $rc"
grep -q " 0 thread walks truncated" rec.err || fail "the recursive walk was cut"
grep -q "write to 'hits' in 'count'" rec.txt || fail "the race after the recursion is missing"
if grep -q "'n->val'" rec.txt; then fail "a race on a node written under its own lock"; fi
echo "engine-budget: ok"
