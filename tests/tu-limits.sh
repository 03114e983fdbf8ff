#!/bin/sh
# tu-limits.sh CONC_LINT REPO CASE - per-TU limits and isolation (issue 15
# item 1). A macro-expansion bomb (26 doubling levels: minutes and
# gigabytes in clang) next to a TU with a race:
#   timeout  --tu-timeout 2: the bomb is skipped and named (stderr warning,
#            SARIF notification, executionSuccessful false, --stats), the
#            race is still reported (exit 1); the same from "tu_timeout"
#   memory   --tu-memory 600: the same, "ran out of memory" (skipped in
#            sanitizer builds, where the limit is not applied)
#   crash    a libclang whose parser crashes (a stub library, loaded with
#            $CONC_LINT_LIBCLANG): every TU is reported as crashed, and
#            conc-lint itself ends normally with exit 3 (under a sanitizer
#            the child's crash is its report and exit status)
#   reuse    -j1, three TUs, a stub parser that logs its process id and
#            crashes on second.c in a process that parsed before: one child
#            serves first.c and second.c, second.c is parsed again in a
#            fresh child (which then serves third.c), and nothing is
#            skipped; then the bomb under --tu-timeout 2 between two races:
#            the child killed at the deadline is replaced for the next TU
# The assertions are on the outcome, never on how long it took.
set -u
bin=$1 repo=$2 case=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { cat "$tmp/err" >&2; echo "tu-limits/$case: $*" >&2; exit 1; }
cd "$tmp" || exit 2
{ echo '#define A0 x'
  i=1
  while [ $i -le 26 ]; do echo "#define A$i A$((i - 1)) A$((i - 1))"; i=$((i + 1)); done
  echo 'int bomb(void) { int x = 0; return A26; }'; } > bomb.c
cp "$repo/testdata/races/01-counter-unlocked.c" race.c

# check_skipped REASON: the run's outcome with the bomb skipped for REASON.
check_skipped() {
    [ "$rc" = 1 ] || fail "exit $rc, expected 1 (the race in race.c)"
    grep -q "bomb.c: warning: translation unit skipped: its parse and lowering $1" "$tmp/err" ||
        fail "no warning naming the skipped TU ($1)"
    grep -q "2 TUs (1 parsed, 0 from the cache, 1 skipped at a limit or crash)" "$tmp/err" || fail "--stats does not count it"
    grep -q '"executionSuccessful":[[:space:]]*false' out.sarif || fail "the log does not say it is incomplete"
    grep -q "translation unit skipped: its parse and lowering $1" out.sarif || fail "no notification in the log"
    grep -q '"ruleId":[[:space:]]*"CL002"' out.sarif || fail "the race in race.c was not reported"
}

# make_stub BODY: libstub.so, a libclang with every function conc-lint
# resolves returning 0, clang_createIndex a non-null index, and the parser
# (arguments index, file, ..., out) running BODY.
make_stub() {
    command -v cc > /dev/null || { echo "tu-limits: no C compiler, skipped"; exit 77; }
    { echo '#include <stdio.h>'
      echo '#include <stdlib.h>'
      echo '#include <string.h>'
      echo '#include <unistd.h>'
      sed -n 's/.*X(\(clang_[A-Za-z0-9_]*\)).*/\1/p' "$repo"/analyzer/frontend/*.[ch] | sort -u |
        while read -r fn; do
            case $fn in
            clang_parseTranslationUnit2FullArgv)
                echo "int $fn(void *index, const char *file, void *argv, int argc, void *unsaved,"
                printf '    unsigned nunsaved, unsigned options, void **out) { %s }\n' "$1" ;;
            clang_createIndex) echo "void *$fn(void) { static int index; return &index; }" ;;
            clang_getTranslationUnitCursor)
                echo "struct cursor { int kind, xdata; const void *data[3]; };"
                echo "struct cursor $fn(void *tu) { struct cursor c = { 0, 0, { 0, 0, 0 } }; return c; }" ;;
            *) echo "long $fn(void) { return 0; }" ;;
            esac
        done; } > stub.c
    grep -q clang_parseTranslationUnit2FullArgv stub.c || fail "no libclang function names found"
    cc -shared -fPIC -o libstub.so stub.c 2> "$tmp/err" || fail "cannot build the stub library"
}

case $case in
timeout)
    "$bin" --no-cache --stats --tu-timeout 2 --tu-memory 0 -f sarif -o out.sarif bomb.c race.c -- -pthread 2> "$tmp/err"
    rc=$?
    check_skipped "timed out after 2 s (--tu-timeout)"
    printf '{ "version": 1, "tu_timeout": 2, "tu_memory": 0 }\n' > cfg.json
    "$bin" --no-cache --stats --config cfg.json -f sarif -o out.sarif bomb.c race.c -- -pthread 2> "$tmp/err"
    rc=$?
    check_skipped "timed out after 2 s (--tu-timeout)"
    ;;
memory)
    if grep -qa -e __asan_init -e __tsan_init "$bin"; then
        echo "tu-limits: a sanitizer build applies no memory limit, skipped"
        exit 77
    fi
    "$bin" --no-cache --stats --tu-timeout 0 --tu-memory 600 -f sarif -o out.sarif bomb.c race.c -- -pthread 2> "$tmp/err"
    rc=$?
    check_skipped "ran out of memory (--tu-memory 600 MB)"
    ;;
crash)
    make_stub 'volatile int *p = 0; return *p;'
    CONC_LINT_LIBCLANG=$tmp/libstub.so "$bin" --no-cache --stats -f sarif -o out.sarif race.c bomb.c -- 2> "$tmp/err"
    rc=$?
    [ "$rc" = 3 ] || fail "exit $rc, expected 3 (nothing parsed)"
    # A sanitizer catches the SEGV in the child and exits with its own
    # status instead (ASan 1, TSan 66).
    crashed="crashed with signal 11 (segmentation fault)"
    grep -qa -e __asan_init -e __tsan_init "$bin" && crashed="failed (exit status "
    for f in race.c bomb.c; do
        grep -q "$f: warning: translation unit skipped: its parse and lowering $crashed" "$tmp/err" ||
            fail "$f is not reported as crashed"
    done
    grep -q "no translation unit could be parsed (2 tried)" "$tmp/err" || fail "no final error line"
    ;;
reuse)
    make_stub 'static int calls; static int tu;
        FILE *log = fopen(getenv("STUB_LOG"), "a");
        fprintf(log, "%d\n", (int)getpid());
        fclose(log);
        if (calls++ > 0 && strstr(file, "second") != NULL) { volatile int *p = 0; return *p; }
        *out = &tu;
        return 0;'
    # The pool hands TUs out largest first: first.c > second.c > third.c.
    for f in first second third; do echo "int $f(void) { return 0; }" > $f.c; done
    echo "/* the largest of the three, so it is parsed first */" >> first.c
    STUB_LOG=$tmp/pids CONC_LINT_LIBCLANG=$tmp/libstub.so "$bin" -j1 --no-cache --stats -f sarif \
        -o out.sarif first.c second.c third.c -- 2> "$tmp/err"
    rc=$?
    [ "$rc" = 0 ] || fail "exit $rc, expected 0 (every TU parsed, nothing found)"
    grep -q "translation unit skipped" "$tmp/err" && fail "a TU was skipped"
    [ "$(wc -l < "$tmp/pids")" = 4 ] || fail "expected 4 parses (second.c twice): $(cat "$tmp/pids")"
    [ "$(sort -u "$tmp/pids" | wc -l)" = 2 ] || fail "expected 2 child processes: $(cat "$tmp/pids")"
    [ "$(sed -n 1p "$tmp/pids")" = "$(sed -n 2p "$tmp/pids")" ] || fail "first.c and second.c had different children"
    [ "$(sed -n 3p "$tmp/pids")" = "$(sed -n 4p "$tmp/pids")" ] || fail "the retry and third.c had different children"
    cp race.c race2.c
    "$bin" -j1 --no-cache --stats --tu-timeout 2 --tu-memory 0 -f sarif -o out.sarif race.c bomb.c race2.c -- -pthread 2> "$tmp/err"
    rc=$?
    [ "$rc" = 1 ] || fail "exit $rc, expected 1 (the races)"
    grep -q "bomb.c: warning: translation unit skipped: its parse and lowering timed out after 2 s" "$tmp/err" ||
        fail "the bomb was not skipped at the deadline"
    grep -q "3 TUs (2 parsed, 0 from the cache, 1 skipped at a limit or crash)" "$tmp/err" || fail "--stats does not count 2 parsed"
    grep -q 'race2.c' out.sarif || fail "the race in race2.c (after the killed child) was not reported"
    ;;
*)
    echo "tu-limits: unknown case '$case'" >&2
    exit 2
    ;;
esac
echo "tu-limits/$case: ok"
