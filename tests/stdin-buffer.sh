#!/bin/sh
# stdin-buffer.sh CONC_LINT EXAMPLE_DIR - --stdin-filename (docs/editors.md,
# "Unsaved buffers"): the buffer on standard input is analyzed in place of
# the file on disk, in program scope, through the isolated parser and in the
# worker thread; it is never cached as the disk file's summary; bad buffers
# get a diagnostic and exit 3, not a crash; a file named through a symlinked
# directory is the database's entry; a header and unreadable input are
# usage errors (exit 2). Works in a copy of EXAMPLE_DIR under $TMPDIR.
set -eu
bin=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp -R "$2" "$tmp/src"
cd "$tmp/src"
export XDG_CACHE_HOME="$tmp/cache"
fail() { echo "FAIL: $*"; exit 1; }

# expect RC TEXT FILE_WITH_STDIN ARGS...: exit status RC and TEXT (a fixed
# string, "" for none) in stdout+stderr.
expect() {
  want=$1 text=$2 input=$3; shift 3
  rc=0
  "$bin" "$@" < "$input" > "$tmp/out" 2>&1 || rc=$?
  [ "$rc" = "$want" ] || { cat "$tmp/out"; fail "conc-lint $* < $input: exit $rc, want $want"; }
  [ -z "$text" ] || grep -qF -- "$text" "$tmp/out" || { cat "$tmp/out"; fail "conc-lint $* < $input: no '$text'"; }
}

# The race on disk, at line 48; the buffer moves it 3 lines down, then
# fixes it: each run reports the buffer's findings, under both parsers.
sed 's|^void stats_add_bytes_in|\n\n\nvoid stats_add_bytes_in|' stats.c > "$tmp/moved.c"
sed 's|    stats.bytes_in += n; // expect: CL002|    pthread_mutex_lock(\&stats_lock); stats.bytes_in += n; pthread_mutex_unlock(\&stats_lock);|' \
  stats.c > "$tmp/fixed.c"
cmp -s stats.c "$tmp/fixed.c" && fail "the fix did not apply"
for parser in "" "--tu-timeout 0 --tu-memory 0"; do
  # shellcheck disable=SC2086 # $parser: options or nothing
  expect 1 "stats.c:51:11: warning: write to 'stats.bytes_in'" "$tmp/moved.c" -f text -p . $parser --stdin-filename stats.c
  grep -qF "    stats.bytes_in += n; // expect: CL002" "$tmp/out" || fail "the caret line is not the buffer's"
  grep -qF "listener.c:57:13: note: thread 'conn_main' started here" "$tmp/out" || fail "no related location in another file"
  # shellcheck disable=SC2086
  expect 0 "" "$tmp/fixed.c" -f text -p . $parser --stdin-filename stats.c
  grep -q "stats.c:" "$tmp/out" && { cat "$tmp/out"; fail "the fixed buffer still has a finding"; }
done
# The cache holds the disk file's summary, not a buffer's.
expect 1 "stats.c:48:11: warning" stats.c -f text -p . stats.c
# A suppression comment in the buffer applies.
sed 's|// expect: CL002|// conc-lint-ignore: CL002 -- in the buffer only|' stats.c > "$tmp/suppressed.c"
expect 0 "" "$tmp/suppressed.c" -f json -p . --stdin-filename stats.c
grep -qF '"suppressionReason":	"in the buffer only"' "$tmp/out" || { cat "$tmp/out"; fail "the buffer's suppression was not applied"; }

# A buffer that does not parse: its errors, exit 3.
printf 'int f( {\n' > "$tmp/broken.c"
expect 3 "stats.c:1:8: error: expected parameter declarator" "$tmp/broken.c" -p . --stdin-filename stats.c
expect 3 '"executionSuccessful":	false' "$tmp/broken.c" -f json -p . --stdin-filename stats.c
# An empty buffer: an empty file, no finding.
expect 0 "" /dev/null -p . --stdin-filename stats.c
# A file the compile database does not list (and not on disk): analyzed
# alone, with the arguments after --.
printf '#include <pthread.h>\nint x;\nvoid *w(void *a) { x++; return a; }\nint main(void) { pthread_t t; pthread_create(&t, 0, w, 0); x++; pthread_join(t, 0); }\n' > "$tmp/new.c"
expect 1 "new.c:3:20: warning: write to 'x'" "$tmp/new.c" -p . --stdin-filename new.c -- -pthread
grep -qF "'new.c' is not in the compile database" "$tmp/out" || fail "no note for a file outside the database"
# The file named through a symlinked directory is the database's entry:
# program scope and the buffer both apply (not "analyzed alone").
ln -s "$tmp/src" "$tmp/link"
expect 1 "stats.c:48:11: warning: write to 'stats.bytes_in'" stats.c -f text -p . "$tmp/link/stats.c"
grep -qF "listener.c:57:13: note: thread 'conn_main' started here" "$tmp/out" || fail "a symlinked path lost the other files"
expect 1 "stats.c:51:11: warning: write to 'stats.bytes_in'" "$tmp/moved.c" -f text -p . --stdin-filename "$tmp/link/stats.c" "$tmp/link/stats.c"
grep -qF "is not in the compile database" "$tmp/out" && fail "a symlinked path was taken for a file outside the database"
# Usage errors.
expect 2 "--stdin-filename 'stats.h' is not a translation unit" stats.h -p . --stdin-filename stats.h
expect 2 "cannot read standard input (--stdin-filename)" / -p . --stdin-filename stats.c
expect 2 "cannot be analyzed beside it" stats.c -p . --stdin-filename stats.c main.c
expect 2 "does not go with --shard or --link" stats.c --link . --stdin-filename stats.c
expect 2 "--stdin-filename needs the name" stats.c -p . --stdin-filename ""
echo "stdin-buffer ok"
