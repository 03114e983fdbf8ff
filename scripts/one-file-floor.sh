#!/usr/bin/env bash
# The compiler's syntax check of one file, the floor the editor latency
# scripts measure against (bench-one-file.sh, bench-lsp.sh):
#
#   scripts/one-file-floor.sh DB_DIR FILE OUT_DIR
#
# writes OUT_DIR/floor.sh (clang -fsyntax-only with FILE's first compile DB
# entry; CLANG, default clang-19) and prints FILE's absolute path. Exit 2
# with a message when DB_DIR has no compile_commands.json or FILE is not
# one of its C files.
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
die() { echo "$(basename "$0" .sh): error: $*" >&2; exit 2; }
[ $# -eq 3 ] || die "usage: scripts/one-file-floor.sh DB_DIR FILE OUT_DIR"
db=$1 file=$2 out=$3
[ -f "$db/compile_commands.json" ] || die "no compile_commands.json in '$db'"
[ -f "$file" ] || die "no file '$file'"
file=$(cd "$(dirname "$file")" && pwd)/$(basename "$file")
python3 "$REPO/scripts/syntax-jobs.py" "$db/compile_commands.json" "${CLANG:-clang-19}" \
  "$out/floor.jobs" "$out/tus.txt"
line=$(grep -n -x -F "$file" "$out/tus.txt" | head -n 1 | cut -d: -f1)
[ -n "$line" ] || die "'$file' is not a C file of the compile database"
sed -n "${line}p" "$out/floor.jobs" > "$out/floor.sh"
echo "$file"
