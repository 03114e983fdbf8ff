#!/usr/bin/env bash
# hardening.sh CONC_LINT - hostile and broken inputs (README "Usage": untrusted compile databases;
# ctest hardening/inputs, tests/hardening.cmake).
#
# Each case runs CONC_LINT (with --no-cache, under `timeout 120`) in a fresh
# scratch directory and checks:
#   - the exit status the CLI contract gives: 0 clean, 1 findings, 2 usage or
#     configuration error, 3 the analysis failed;
#   - no crash: no status >= 124 (timeout, signals) and no sanitizer report
#     on stderr;
#   - where the run must fail: one clear "conc-lint: error: ..." line naming
#     the problem, and no report file (not even a partial or temporary one);
#   - the compile DB is never executed and no plugin it names is loaded (a
#     real evil.so whose constructor writes a marker file; the marker must
#     never appear), and what was skipped is said on stderr.
# Prints one line per case and exits 1 at the first failure, with the reason
# and the run's stderr.
set -u

CL=${1:?usage: hardening.sh CONC_LINT}
case $CL in /*) ;; *) CL=$PWD/$CL ;; esac
[ -x "$CL" ] || { echo "hardening: '$CL' is not executable" >&2; exit 2; }
CC=${CC:-cc}
command -v "$CC" >/dev/null || CC=clang
command -v python3 >/dev/null || { echo "hardening: python3 is needed (JSON checks)" >&2; exit 2; }

ROOT=$(mktemp -d "${TMPDIR:-/tmp}/cl-hardening.XXXXXX") || exit 2
trap 'rm -rf "$ROOT"' EXIT
MARKER=$ROOT/PWNED   # written by evil.so's constructor or by a run command
ncase=0

# ---- helpers ---------------------------------------------------------------

CASE=
W=            # the current case's scratch directory
RC=0 OUT= ERR= SECS=0

new_case() {
  CASE=$1
  ncase=$((ncase + 1))
  W=$ROOT/case$ncase
  mkdir -p "$W"
  cd "$W" || exit 2
}

fail() {
  echo "FAIL $CASE: $*"
  if [ -n "$ERR" ] && [ -s "$ERR" ]; then
    echo "--- stderr (first 40 lines):"
    head -n 40 "$ERR"
  fi
  if [ -n "$OUT" ] && [ -s "$OUT" ]; then
    echo "--- stdout (first 20 lines):"
    head -n 20 "$OUT"
  fi
  exit 1
}

ok() { echo "ok   $CASE${1:+ ($1)}"; }

# run ARGS...: conc-lint --no-cache ARGS in $W; sets RC, OUT, ERR, SECS and
# fails the case on a crash, a timeout or a sanitizer report.
run() {
  OUT=$W/stdout ERR=$W/stderr
  local t0 t1
  t0=$(date +%s)
  timeout 120 "$CL" --no-cache "$@" >"$OUT" 2>"$ERR" </dev/null
  RC=$?
  t1=$(date +%s)
  SECS=$((t1 - t0))
  [ $RC -eq 124 ] && fail "timed out after 120 s: conc-lint --no-cache $*"
  [ $RC -ge 125 ] && fail "crashed (exit $RC): conc-lint --no-cache $*"
  if grep -a -q -E 'ERROR: (AddressSanitizer|LeakSanitizer)|runtime error:|WARNING: ThreadSanitizer|SUMMARY: (Address|Undefined|Leak|Thread)Sanitizer' "$ERR"; then
    fail "sanitizer report: conc-lint --no-cache $*"
  fi
  [ -e "$MARKER" ] && fail "the marker file appeared: something from the input was run or loaded"
  return 0
}

expect_rc() {
  local want
  for want in "$@"; do
    [ "$RC" -eq "$want" ] && return 0
  done
  fail "exit status $RC, expected $*"
}

# expect_err REGEX: stderr has a "conc-lint: error: " line matching REGEX.
expect_err() {
  grep -a -q -E "^conc-lint: error: .*$1" "$ERR" ||
    fail "no 'conc-lint: error: ' line matching /$1/ on stderr"
}

# expect_stderr REGEX [what]: some stderr line matches REGEX.
expect_stderr() {
  grep -a -q -E "$1" "$ERR" || fail "stderr does not say ${2:-/$1/}"
}

expect_stdout() {
  grep -a -q -F -- "$1" "$OUT" || fail "stdout does not contain '$1'"
}

# expect_absent PATH: no file at PATH and no leftover temporary beside it
# (the atomic writer's ".NAME.XXXXXX").
expect_absent() {
  [ -e "$1" ] && fail "'$1' was created by a failed run"
  local dir base
  dir=$(dirname "$1") base=$(basename "$1")
  if [ -d "$dir" ] && ls -A "$dir" 2>/dev/null | grep -q -F ".$base."; then
    fail "a temporary '.$base.*' was left in $dir"
  fi
  return 0
}

json_ok() { python3 -c 'import json, sys; json.load(open(sys.argv[1], "rb"))' "$1" 2>/dev/null; }

# A program with one data race (CL002 at line 7) and a clean one.
write_race() {
  mkdir -p "$(dirname "$1")"
  cat >"$1" <<'EOF'
#include <pthread.h>
static long counter;
static void *worker(void *arg)
{
    (void)arg;
    for (int i = 0; i < 1000; i++)
        counter++;
    return 0;
}
int main(void)
{
    pthread_t t[2];
    for (int i = 0; i < 2; i++)
        pthread_create(&t[i], 0, worker, 0);
    for (int i = 0; i < 2; i++)
        pthread_join(t[i], 0);
    return (int)counter;
}
EOF
}
write_clean() { printf 'int main(void)\n{\n    return 0;\n}\n' >"$1"; }

# The race exists only when RACE is defined (so a finding proves a flag
# from the DB or a response file reached the parser).
write_race_if() {
  cat >"$1" <<'EOF'
#include <pthread.h>
static long counter;
static void *worker(void *arg)
{
    (void)arg;
#ifdef RACE
    counter++;
#endif
    return 0;
}
int main(void)
{
    pthread_t t[2];
    for (int i = 0; i < 2; i++)
        pthread_create(&t[i], 0, worker, 0);
    for (int i = 0; i < 2; i++)
        pthread_join(t[i], 0);
    return (int)counter;
}
EOF
}

# A shared library whose constructor writes the marker.
EVIL=$ROOT/evil.so
cat >"$ROOT/evil.c" <<EOF
#include <stdio.h>
__attribute__((constructor)) static void pwn(void)
{
    FILE *f = fopen("$MARKER", "w");
    if (f != NULL)
        fclose(f);
}
EOF
"$CC" -shared -fPIC -o "$EVIL" "$ROOT/evil.c" || { echo "hardening: cannot build evil.so with $CC" >&2; exit 2; }
# The test of the test: loading it does write the marker.
python3 -c 'import ctypes, sys; ctypes.CDLL(sys.argv[1])' "$EVIL" && [ -e "$MARKER" ] ||
  { echo "hardening: evil.so does not write its marker when loaded" >&2; exit 2; }
rm -f "$MARKER"

# ---- compile databases --------------------------------------------------------

new_case "compdb/not-json"
write_race race.c
printf 'this is { not JSON' >compile_commands.json
run -p compile_commands.json -o report.txt
expect_rc 2; expect_err "compile_commands.json.*not valid JSON"; expect_absent report.txt
ok

new_case "compdb/two-arrays-appended"
# (two bear outputs concatenated: the second array, with the race, would be
# dropped in silence)
write_race race.c
printf '[{"directory": ".", "file": "none.c", "command": "cc -c none.c"}]\n[{"directory": ".", "file": "race.c", "command": "cc -c race.c"}]\n' >compile_commands.json
run -p compile_commands.json -o report.txt
expect_rc 2; expect_err "not valid JSON: unexpected data after the array"; expect_absent report.txt
ok

new_case "compdb/byte-order-mark"
# (one UTF-8 byte order mark is allowed, as editors on Windows write it; a
# second is not JSON; columns count the mark's three bytes)
write_race race.c
printf '\357\273\277[{"directory": ".", "file": "race.c", "command": "cc -c race.c"}]\n' >compile_commands.json
run -p compile_commands.json
expect_rc 1; expect_stdout "race.c:7:9"
printf '\357\273\277\357\273\277[{"directory": ".", "file": "race.c", "command": "cc -c race.c"}]\n' >compile_commands.json
run -p compile_commands.json -o report.txt
expect_rc 2; expect_err "not valid JSON: syntax error at line 1, column 4$"; expect_absent report.txt
printf '\357\273\277[]\n[]\n' >compile_commands.json
run -p compile_commands.json -o report.txt
expect_rc 2; expect_err "unexpected data after the array at line 2, column 1 \(two databases"; expect_absent report.txt
ok

new_case "compdb/stray-data-after-array"
write_race race.c
printf '[{"directory": ".", "file": "race.c", "command": "cc -c race.c"}],\n' >compile_commands.json
run -p compile_commands.json -o report.txt
expect_rc 2; expect_err "unexpected data after the array at line 1, column 66$"; expect_absent report.txt
ok

new_case "compdb/not-an-array"
write_race race.c
printf '{"directory": ".", "file": "race.c", "command": "cc -c race.c"}' >compile_commands.json
run -p compile_commands.json -o report.txt
expect_rc 2; expect_err "must be a JSON array of entries, but holds an object at line 1, column 1 \(an entry without the enclosing '\[' and '\]'\?\)$"
expect_absent report.txt
ok

# The shapes of a database gone wrong that new users met (an object got a
# message about data "after the array", an empty file "error near byte 0"):
# one error line each, saying what is wrong and where, exit 2.
# shape_case NAME PRINTF-TEXT REGEX
shape_case() {
  new_case "compdb/$1"
  write_race race.c
  printf "$2" >compile_commands.json
  run -p compile_commands.json -o report.txt
  expect_rc 2; expect_err "compile database 'compile_commands.json' $3"; expect_absent report.txt
  [ "$(wc -l < "$ERR")" = 1 ] || fail "more than one line on stderr"
  ok
}
shape_case empty-file '' "is empty; it must be a JSON array of entries, one per compiled file$"
shape_case white-space-only ' \n\n' "is empty \(only white space\); it must be a JSON array of entries"
shape_case null 'null\n' "must be a JSON array of entries, but holds null at line 1, column 1$"
shape_case entries-without-brackets \
  '{"directory": ".", "file": "race.c", "command": "cc -c race.c"},\n{"directory": ".", "file": "x.c", "command": "cc -c x.c"}\n' \
  "must be a JSON array of entries, but holds an object at line 1, column 1 and more data at line 1, column 64 \(entries without the enclosing '\[' and '\]'\?\)$"
shape_case json-lines \
  '{"directory": ".", "file": "race.c", "command": "cc -c race.c"}\n{"directory": ".", "file": "x.c", "command": "cc -c x.c"}\n' \
  "must be a JSON array of entries, but holds an object at line 1, column 1 and more data at line 2, column 1 "
shape_case cut-short '[\n{"directory": ".", "file": "race.c", "command": "cc -c race.c"},\n{"directory": ".", "fi' \
  "is cut short: it ends at line 3, column 23, inside a string$"
shape_case cut-short-after-entry '[\n{"directory": ".", "file": "race.c", "command": "cc -c race.c"},\n' \
  "is cut short: it ends at line 2, column 65, inside the array$"
shape_case syntax-error '[\n{"directory": "." "file": "race.c", "command": "cc -c race.c"}\n]\n' \
  "is not valid JSON: syntax error at line 2, column 19$"

new_case "compdb/empty-array"
write_race race.c
printf '[]\n' >compile_commands.json
run -p compile_commands.json -o report.txt
expect_rc 2; expect_err "compile database 'compile_commands.json' is an empty array: it lists no file to compile$"
expect_absent report.txt
ok

new_case "compdb/binary"
head -c 4096 /bin/true >compile_commands.json
run -p compile_commands.json
expect_rc 2; expect_err "compile_commands.json"
ok

new_case "compdb/entries-missing-keys"
write_race race.c; write_clean ok.c
cat >compile_commands.json <<EOF
[{"directory": "$W", "command": "cc -c race.c"},
 {"directory": "$W", "file": "ok.c"},
 {"file": 42, "directory": "$W", "command": "cc x.c"},
 {"directory": "$W", "file": "ok.c", "arguments": "not an array"},
 7, null, "string",
 {"directory": "$W", "file": "race.c", "arguments": ["cc", "-c", "race.c"]}]
EOF
run -p compile_commands.json
expect_rc 1; expect_stdout "race.c:7:9"
expect_stderr 'entry 1.*missing "file".*skipped' 'that entry 1 (no "file") was skipped'
expect_stderr 'entry 2 \(ok\.c\).*neither "command" nor "arguments".*skipped' 'that entry 2 (no command) was skipped'
expect_stderr 'entry 5.*skipped' 'that entry 5 (a number) was skipped'
ok

new_case "compdb/every-entry-skipped"
write_race race.c
cat >compile_commands.json <<EOF
[{"directory": "$W", "command": "cc -c race.c"},
 {"directory": "$W", "file": "race.c"},
 {"directory": "$W", "file": "missing.c", "command": "cc -c missing.c"}]
EOF
run -p compile_commands.json -o report.txt
expect_rc 2; expect_absent report.txt
expect_stderr 'missing "file".*skipped' 'that the entry without "file" was skipped'
expect_stderr 'race\.c.*neither "command" nor "arguments".*skipped' 'that the entry without a command was skipped'
expect_stderr 'missing\.c.*skipped' 'that the entry for missing.c was skipped'
expect_err "has no usable entry: its 3 entries were skipped \(the lines above say why\)$"
ok

new_case "compdb/files-that-do-not-exist"
write_race race.c
cat >compile_commands.json <<EOF
[{"directory": "$W", "file": "missing.c", "command": "cc -c missing.c"},
 {"directory": "$W/no-such-dir", "file": "x.c", "command": "cc -c x.c"},
 {"directory": "$W", "file": "/no/such/abs.c", "arguments": ["cc", "-c", "/no/such/abs.c"]},
 {"directory": "$W", "file": "race.c", "command": "cc -c race.c"}]
EOF
run -p compile_commands.json
expect_rc 1; expect_stdout "race.c:7:9"
expect_stderr 'missing\.c.*skipped' 'that missing.c was skipped'
expect_stderr 'no-such-dir.*skipped|x\.c.*skipped' 'that the entry in a missing directory was skipped'
expect_stderr 'abs\.c.*skipped' 'that /no/such/abs.c was skipped'
ok

new_case "compdb/command-and-arguments-never-run"
write_race_if a.c; write_race_if b.c; write_race_if "c d.c"
# Shell syntax in "command" is split into words, never given to a shell.
cat >compile_commands.json <<EOF
[{"directory": "$W", "file": "a.c", "command": "cc -DRACE -DMSG='\"a b\"' -c a.c; touch $MARKER \$(touch $MARKER) \`touch $MARKER\` && touch $MARKER"},
 {"directory": "$W", "file": "b.c", "arguments": ["cc", "-DRACE", "-DQ=\$(touch $MARKER)", "-c", "b.c"]},
 {"directory": "$W", "file": "c d.c", "command": "cc -DRACE -c 'c d.c' | touch $MARKER"}]
EOF
run -p compile_commands.json
expect_rc 1
expect_stdout "a.c:7:5"; expect_stdout "b.c:7:5"; expect_stdout "c d.c:7:5"
[ -e "$MARKER" ] && fail "a command of the compile DB was run"
ok "3 entries, flags honoured, nothing run"

new_case "compdb/response-file"
write_race_if a.c; write_race_if b.c
mkdir -p rsp outside
printf -- '-DRACE\n' >rsp/race.rsp
printf -- '@rsp/race.rsp\n' >nested.rsp
printf -- '-DRACE\n' >outside/out.rsp
mkdir -p build && mv rsp nested.rsp build/ && mv a.c b.c build/
cat >build/compile_commands.json <<EOF
[{"directory": "$W/build", "file": "a.c", "arguments": ["cc", "@nested.rsp", "-c", "a.c"]},
 {"directory": "$W/build", "file": "b.c", "command": "cc @$W/outside/out.rsp @missing.rsp -c b.c"}]
EOF
run -p build/compile_commands.json
expect_rc 1; expect_stdout "a.c:7:5"
grep -a -q "b.c:7" "$OUT" && fail "a response file outside the build tree was read"
expect_stderr "out\.rsp.*outside the build tree" 'that the response file outside the tree was skipped'
expect_stderr "missing\.rsp" 'that the missing response file was dropped'
ok

new_case "compdb/plugins-never-loaded"
write_race race.c; write_race_if r.c
printf -- '-fplugin=%s -DRACE\n' "$EVIL" >plugin.rsp
cat >compile_commands.json <<EOF
[{"directory": "$W", "file": "race.c", "arguments": ["clang", "-fplugin=$EVIL", "-Xclang", "-load", "-Xclang", "$EVIL",
   "-fpass-plugin=$EVIL", "-Xclang=-load=$EVIL", "-Wp,-load,$EVIL", "-Xpreprocessor", "-load", "-Xpreprocessor", "$EVIL",
   "-mllvm", "-load=$EVIL", "--fplugin=$EVIL", "-Xclang", "-add-plugin", "-Xclang", "pwn", "-c", "race.c"]},
 {"directory": "$W", "file": "r.c", "command": "clang -Xclang -load -Xclang $EVIL -fplugin=./evil.so @plugin.rsp -c r.c"}]
EOF
cp "$EVIL" ./evil.so
run -p compile_commands.json
expect_rc 1; expect_stdout "race.c:7:9"; expect_stdout "r.c:7:5"
[ -e "$MARKER" ] && fail "a plugin named by the compile DB was loaded"
expect_stderr "dropped plugin flag '-fplugin=" 'that -fplugin= was dropped'
expect_stderr "dropped plugin flag '-Xclang -load -Xclang " 'that -Xclang -load was dropped'
expect_stderr "plugin flag.*response file 'plugin.rsp'" 'that the plugin flag in plugin.rsp was dropped'
ok "no marker; $(grep -a -c 'dropped' "$ERR") dropped-flag warnings"

# ---- source files -----------------------------------------------------------------

new_case "source/binary"
cp /bin/true bin.c
run bin.c -o report.txt
expect_rc 3; expect_err "no translation unit parsed"
ok

new_case "source/binary-beside-a-good-file"
cp /bin/true bin.c; write_race race.c
run bin.c race.c
expect_rc 1; expect_stdout "race.c:7:9"
expect_stderr "parse errors" 'that bin.c had parse errors'
ok

new_case "source/empty"
: >empty.c
run empty.c
expect_rc 0
[ -s "$OUT" ] && fail "findings for an empty file"
ok

new_case "source/50k-lines-many-functions"
awk 'BEGIN {
  print "#include <pthread.h>"
  print "static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;"
  print "static long shared;"
  n = 3; f = 0
  while (n < 50000) {
    printf("static long g%d;\nstatic void *w%d(void *arg)\n{\n    (void)arg;\n    pthread_mutex_lock(&m);\n    g%d++;\n    pthread_mutex_unlock(&m);\n    shared++;\n    return arg;\n}\n", f, f, f)
    n += 10; f++
  }
  print "int main(void)\n{\n    pthread_t t[8];"
  for (i = 0; i < 8; i++) printf("    pthread_create(&t[%d], 0, w%d, 0);\n", i, i * 500)
  print "    for (int i = 0; i < 8; i++)\n        pthread_join(t[i], 0);\n    return 0;\n}"
}' >huge.c
lines=$(wc -l <huge.c)
[ "$lines" -ge 50000 ] || fail "generator wrote $lines lines, not 50,000"
run huge.c
expect_rc 1; expect_stdout "shared"
[ $SECS -lt 60 ] || fail "took $SECS s (limit 60 s)"
ok "$lines lines, ${SECS} s"

new_case "source/50k-lines-one-function"
awk 'BEGIN {
  print "#include <pthread.h>\nstatic pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;\nstatic long g, h;"
  print "static void *worker(void *arg)\n{\n    long x = (long)arg;"
  n = 8
  for (i = 0; n < 50000; i++) {
    if (i % 3 == 0) { printf("    if (x & %d) {\n        pthread_mutex_lock(&m);\n        g += x;\n        pthread_mutex_unlock(&m);\n    }\n", i % 31 + 1); n += 5 }
    else if (i % 3 == 1) { print "    x = x * 3 + 1;"; n++ }
    else { print "    h += x;"; n++ }
  }
  print "    return 0;\n}\nint main(void)\n{\n    pthread_t t[4];"
  print "    for (int i = 0; i < 4; i++)\n        pthread_create(&t[i], 0, worker, (void *)(long)i);"
  print "    for (int i = 0; i < 4; i++)\n        pthread_join(t[i], 0);\n    return (int)g;\n}"
}' >onefunc.c
lines=$(wc -l <onefunc.c)
[ "$lines" -ge 50000 ] || fail "generator wrote $lines lines, not 50,000"
run onefunc.c
expect_rc 1; expect_stdout "'h'"
[ $SECS -lt 60 ] || fail "took $SECS s (limit 60 s)"
ok "$lines lines, ${SECS} s"

new_case "source/non-utf8-comments-and-strings"
{
  printf '/* Latin-1 caf\xe9, lone continuation \x80\xbf, overlong \xc0\xaf, 0xff \xff\xfe */\n'
  printf '#include <pthread.h>\n#include <stdio.h>\n'
  printf 'static long counter; // stra\xdfe \xed\xa0\x80\n'
  printf 'static const char *msg = "caf\xe9 \xff\xfe\\xff";\n'
  printf 'static void *worker(void *arg)\n{\n    (void)arg;\n'
  printf '    counter++; /* \xe9\xe9\xe9 */\n'
  printf '    puts("\xc3\x28 \xa0\xa1");\n    return 0;\n}\n'
  printf 'int main(void)\n{\n    pthread_t t[2];\n    puts(msg);\n'
  printf '    for (int i = 0; i < 2; i++)\n        pthread_create(&t[i], 0, worker, 0);\n'
  printf '    for (int i = 0; i < 2; i++)\n        pthread_join(t[i], 0);\n    return 0;\n}\n'
} >latin1.c
run latin1.c
expect_rc 1; expect_stdout "latin1.c:9:5"
run -f sarif -o latin1.sarif latin1.c
expect_rc 1; json_ok latin1.sarif || fail "the SARIF report is not valid JSON (UTF-8)"
run -f json -o latin1.json latin1.c
expect_rc 1; json_ok latin1.json || fail "the JSON report is not valid JSON (UTF-8)"
ok

new_case "source/parse-errors"
{
  printf 'int main( { return }}}\nstruct ;;; x y z\n#include "no-such-header.h"\n'
  for i in $(seq 1 200); do printf 'void f%d( { int [ = ; } } )\n' "$i"; done
} >broken.c
run broken.c -o report.txt
expect_rc 3; expect_err "no translation unit parsed"
[ "$(grep -a -c '^conc-lint: error: ' "$ERR")" -eq 1 ] || fail "not exactly one 'conc-lint: error:' line"
ok

new_case "source/path-with-space-and-non-ascii"
write_race "dir with space/ünï.c"
run "dir with space/ünï.c"
expect_rc 1; expect_stdout "dir with space/ünï.c:7:9:"
run "dir with space"
expect_rc 1; expect_stdout "dir with space/ünï.c:7:9:"
run -f sarif -o "dir with space/out put.sarif" "dir with space/ünï.c"
expect_rc 1
python3 - "dir with space/out put.sarif" <<'EOF' || fail "bad SARIF for the non-ASCII path (see above)"
import json, sys, urllib.parse
log = json.load(open(sys.argv[1], "rb"))
res = log["runs"][0]["results"]
assert res, "no results"
loc = res[0]["locations"][0]["physicalLocation"]
uri = loc["artifactLocation"]["uri"]
assert " " not in uri, "uri not percent-encoded: %r" % uri
assert urllib.parse.unquote(uri).endswith("dir with space/ünï.c"), "uri %r" % uri
assert loc["region"]["startLine"] == 7, loc["region"]
EOF
run -f json -o out.json "dir with space/ünï.c"
expect_rc 1
python3 - out.json <<'EOF' || fail "bad JSON report for the non-ASCII path"
import json, sys
d = json.load(open(sys.argv[1], "rb"))
assert d["findings"][0]["file"].endswith("dir with space/ünï.c"), d["findings"][0]["file"]
EOF
ok

# ---- the -o output file -----------------------------------------------------------

new_case "output/missing-directory"
write_race race.c
run race.c -o no/such/dir/report.txt
expect_rc 2; expect_err "no/such/dir/report.txt"
[ -e no ] && fail "the missing directory was created"
ok

new_case "output/parent-is-a-regular-file"
write_race race.c
echo "not a directory" >plain
run race.c -o plain/report.txt
expect_rc 2; expect_err "plain/report.txt"
[ "$(cat plain)" = "not a directory" ] || fail "the regular file was changed"
ok

new_case "input/unreadable-source"
write_race race.c
chmod 000 race.c
# Root reads any file: run as nobody when root (the directories made
# traversable for it), or as the user itself.
if [ "$(id -u)" -ne 0 ]; then
  run race.c --
elif command -v setpriv > /dev/null; then
  chmod 711 "$ROOT" "$W"
  OUT=$W/stdout ERR=$W/stderr
  timeout 120 setpriv --reuid=65534 --regid=65534 --clear-groups "$CL" --no-cache race.c -- \
    >"$OUT" 2>"$ERR" </dev/null
  RC=$?
else
  RC=skip
fi
if [ "$RC" != skip ]; then
  expect_rc 3
  grep -q "race.c: error: cannot read: Permission denied" "$ERR" ||
    fail "no 'cannot read: Permission denied' for an unreadable file"
  ok
fi

new_case "output/unwritable-directory"
write_race race.c
# Root may write into any mode-0555 directory, but nobody creates files in
# /proc: a read-only directory even for root.
target=/proc/conc-lint-hardening-$$.txt
run race.c -o "$target"
expect_rc 2; expect_err "conc-lint-hardening-$$"
expect_absent "$target"
if [ "$(id -u)" -ne 0 ]; then
  mkdir ro && chmod 555 ro
  run race.c -o ro/report.txt
  expect_rc 2; expect_err "ro/report.txt"; expect_absent ro/report.txt
fi
ok

new_case "output/existing-report-failed-run"
write_race race.c
printf 'int main( { return }}}\n' >broken.c
# A run that fails before the analysis (bad config): the old report stays.
echo "OLD REPORT" >report.sarif
ino0=$(stat -c %i report.sarif)
printf '{"version": 99}' >bad-config.json
run --config bad-config.json -f sarif -o report.sarif race.c
expect_rc 2; expect_err "bad-config.json"
[ "$(cat report.sarif)" = "OLD REPORT" ] || fail "a usage error changed the existing report"
# A run whose analysis fails: old report untouched, or replaced whole
# (a new inode holding a complete SARIF log), never truncated.
run -f sarif -o report.sarif broken.c
expect_rc 3
if [ "$(cat report.sarif)" != "OLD REPORT" ]; then
  [ "$(stat -c %i report.sarif)" != "$ino0" ] || fail "the old report was overwritten in place"
  json_ok report.sarif || fail "the report left by the failed run is not a complete JSON document"
fi
ls -A | grep -q '^\.report\.sarif\.' && fail "a temporary report file was left behind"
# The same with a text report and a run that succeeds: replaced whole.
echo "OLD" >report.txt
run -o report.txt race.c
expect_rc 1; grep -q "race.c:7:9" report.txt || fail "the new text report is incomplete"
ok

new_case "output/device-full"
write_race race.c
if [ -w /dev/full ]; then
  run race.c -o /dev/full
  expect_rc 2 3; expect_err "/dev/full"
  [ -c /dev/full ] || fail "/dev/full is no longer a character device"
  ok
else
  echo "skip $CASE (no /dev/full)"
fi

echo "hardening: all $ncase cases passed"
exit 0
