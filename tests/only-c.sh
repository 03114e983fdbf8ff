#!/bin/sh
# only-c.sh CONC_LINT REPO - only C is parsed (issue 15 item 2): compile-database
# entries in assembler, C++, Objective-C or CUDA, or with -x naming another
# language, are skipped with one note line and are not parsed; a run in
# which one TU has parse errors says so in SARIF (executionSuccessful false,
# an error-level notification) and keeps the exit status of its findings.
set -u
bin=$1 repo=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { cat "$tmp/err" >&2; echo "only-c: $*" >&2; exit 1; }
cd "$tmp" || exit 2
cp "$repo/testdata/races/01-counter-unlocked.c" race.c
# Each of these gives parse errors when taken for C.
printf '.globl f\nf:\n\tmovq %%rdi, %%rax\n\tret\n' > asm.S
printf 'template <class T> T id(T x) { return x; }\nint main() { return id(0); }\n' > cxx.cpp
cp cxx.cpp cxx.cc
cp cxx.cpp forced.c
printf '@interface A\n@end\n' > objc.m
printf '__global__ void k(int *p) { *p = 1; }\n' > cuda.cu
cat > compile_commands.json <<JSON
[
 {"directory": "$tmp", "file": "race.c", "command": "cc -pthread -c race.c"},
 {"directory": "$tmp", "file": "asm.S", "command": "cc -c asm.S"},
 {"directory": "$tmp", "file": "cxx.cpp", "command": "c++ -c cxx.cpp"},
 {"directory": "$tmp", "file": "cxx.cc", "arguments": ["c++", "-c", "cxx.cc"]},
 {"directory": "$tmp", "file": "forced.c", "arguments": ["cc", "-x", "c++", "-c", "forced.c"]},
 {"directory": "$tmp", "file": "objc.m", "command": "cc -c objc.m"},
 {"directory": "$tmp", "file": "cuda.cu", "command": "nvcc -c cuda.cu"}
]
JSON
"$bin" --no-cache -p . -f sarif -o out.sarif > "$tmp/out" 2> "$tmp/err"
rc=$?
[ "$rc" = 1 ] || fail "exit $rc, expected 1 (the race in race.c)"
grep -q "error" "$tmp/err" && fail "a skipped entry was parsed (an error on stderr)"
n=$(grep -c "not C and were skipped" "$tmp/err")
[ "$n" = 1 ] || fail "expected one summary line, got $n"
grep -q "6 translation units are not C and were skipped: 1 assembler ('asm.S'), 3 C++ ('cxx.cpp', ...), 1 Objective-C ('objc.m'), 1 CUDA ('cuda.cu')" "$tmp/err" ||
    fail "the summary line does not count the skipped entries by language"
grep -q '"executionSuccessful":[[:space:]]*true' out.sarif || fail "a clean run must be successful"
grep -q 'not C and were skipped' out.sarif || fail "the skip note is not in the SARIF log"

# A header named on the command line is still analyzed (as C).
printf 'static int shared;\nstatic inline void bump(void) { shared++; }\n' > only.h
"$bin" --no-cache only.h -- > "$tmp/out" 2> "$tmp/err"
rc=$?
[ "$rc" = 0 ] || fail "a C header: exit $rc, expected 0"
grep -q "not C" "$tmp/err" && fail "a C header was skipped"

# One TU with a parse error next to a clean one: findings still decide the
# exit status, and the log says the run is incomplete.
printf 'int broken(void) { return undeclared_name; }\n' > broken.c
"$bin" --no-cache -f sarif -o partial.sarif race.c broken.c -- -pthread > "$tmp/out" 2> "$tmp/err"
rc=$?
[ "$rc" = 1 ] || fail "one TU with errors: exit $rc, expected 1 (the race)"
grep -q "1 of 2 translation units had parse errors" "$tmp/err" || fail "no warning about the parse errors"
grep -q '"executionSuccessful":[[:space:]]*false' partial.sarif ||
    fail "a run with parse errors must say executionSuccessful false"
grep -q '"level":[[:space:]]*"error"' partial.sarif || fail "no error-level notification"
grep -q "undeclared_name" partial.sarif || fail "the parse error is not in the log"
echo "only-c: non-C entries skipped with one line; parse errors make the log incomplete"
