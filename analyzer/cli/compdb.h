/* compdb.h - reading compile_commands.json (the Clang JSON compilation
 * database format) into per-TU parser arguments.
 *
 * The database is untrusted input: no command in it is ever run, and
 * arguments that would load code into the parser (-fplugin=, -fpass-plugin=,
 * -fplugin-arg-..., -load, -plugin, -add-plugin, also in their "--" spellings
 * and handed on through -Xclang, -Xclang=, -Wp,, -Xpreprocessor, -Xanalyzer,
 * -mllvm, -mllvm=, -Xarch_*, -Xopenmp-target) are dropped and reported. The compiler name, -c, -o FILE,
 * the source file itself, and dependency-file options (-MD, -MF FILE, ...) are
 * dropped too; libclang gets the remaining flags. `command` strings are split
 * like a POSIX shell word list (quotes and backslashes, no expansion). `@file`
 * response files are read (relative to the entry's directory) and spliced in,
 * at most 8 levels deep, but only when their real path (symlinks resolved)
 * lies under the entry's directory or the folder holding the database; others
 * are skipped with a warning. Warnings never quote what a response file
 * holds: a flag or input dropped from one is reported by the response file's
 * name only. A relative `directory` is taken relative to the folder holding
 * the database.
 */
#ifndef CL_COMPDB_H
#define CL_COMPDB_H

#include <stddef.h>

typedef struct cl_compile_cmd {
    char *file;        /* absolute, normalized path of the source file */
    char *directory;   /* absolute working directory of the command */
    size_t nargs;
    char **args;       /* parser arguments, NULL-terminated (args[nargs] == NULL) */
    unsigned config;   /* id of the entry's macro configuration among the
                          database's (variants.h): equal ids, one
                          configuration of the preprocessor; 0 for an entry
                          not from a database */
    char *macros;      /* that configuration (cl_variant_config), owned; NULL
                          for an entry not from a database */
} cl_compile_cmd;

typedef struct cl_compdb {
    size_t nentries;       /* entries the database holds (the array's length) */
    size_t n;
    cl_compile_cmd *cmds;  /* one per entry kept, in database order: a file's
                              first entry, and later ones only as build
                              variants (variants.h) */
    size_t nwarnings;
    char **warnings;       /* one line each: entries skipped, flags dropped */
} cl_compdb;

/* Loads `path` (a compile_commands.json file, or a directory containing
 * one). Returns 0 on success. `db` needs no initialization: it is
 * overwritten, and left empty on failure; release it with
 * cl_compdb_release() after a success. On failure returns -1 and writes one line
 * saying what is wrong and where ("cannot read 'x': ...", "compile database
 * 'x' is empty; ...", "... must be a JSON array of entries, but holds an
 * object at line 1, column 1", "... is cut short: ...", "'x' nests deeper
 * than 1000 levels", ...) into `err`.
 * Entries that are malformed (not an object, missing "file", neither
 * "command" nor "arguments", wrong types) or whose directory or file does not
 * exist (or is not a directory / regular file) are skipped with a warning,
 * not an error; a database with no usable entry is still a success with
 * n == 0. */
int cl_compdb_load(cl_compdb *db, const char *path, char *err, size_t errlen);

/* Builds a single entry for `file` with the given extra arguments (the
 * `-- args` of the command line), using `cwd` as the directory.
 * `file` is made absolute against `cwd`; a NULL `cwd` means the
 * process's working directory. `extra` is copied. The entry is appended
 * without checking for an existing entry of the same file: a caller that may
 * add a file twice checks with cl_compdb_find() first (a linear lookup).
 * Returns the new entry (owned by `db`, valid until the next add), of
 * configuration 0. */
cl_compile_cmd *cl_compdb_add_file(cl_compdb *db, const char *file, const char *cwd,
                        char *const *extra, size_t nextra);

/* Appends a copy of entry `src` (of another database: its file,
 * directory, arguments and configuration) to `db`. Returns the copy,
 * owned by `db`, valid until the next add. */
cl_compile_cmd *cl_compdb_add_cmd(cl_compdb *db, const cl_compile_cmd *src);

/* Returns the entry for the absolute path `file`, or NULL. */
const cl_compile_cmd *cl_compdb_find(const cl_compdb *db, const char *file);

/* cl_compdb_find, or else the entry of the same file on disk under another
 * spelling (a symlinked directory: same device and inode), or NULL. A stat
 * per entry on a miss: for the few files named on a command line. */
const cl_compile_cmd *cl_compdb_find_same(const cl_compdb *db, const char *file);

void cl_compdb_release(cl_compdb *db);

/* Keeps only the entries for which keep(arg, cmd) returns non-zero, in
 * order; the others are released. */
void cl_compdb_filter(cl_compdb *db, int (*keep)(void *arg, const cl_compile_cmd *cmd),
                      void *arg);

/* The language the parser would take `cmd`'s file for, when it is not C;
 * NULL for C. Decided by the last -x (also -xLANG, --language LANG,
 * --language=LANG) in its arguments unless that is "none", else by the
 * file's extension. C is -x c, c-header, cpp-output, c-cpp-output,
 * c-user-header, c-system-header; without -x, the extensions .c, .h and .i.
 * The result is a static name: "assembler", "C++", "Objective-C",
 * "Objective-C++", "CUDA", "HIP", "OpenCL", "Fortran", "LLVM IR",
 * "another language (-x)" for an -x value not known here, or a phrase
 * saying the file is no C source by its name (no extension, or another
 * one: the compiler driver would take it for linker input). */
const char *cl_compile_cmd_language(const cl_compile_cmd *cmd);

/* Looks for compile_commands.json in `dir` and in `dir`/build. Returns a
 * malloc'ed path or NULL. */
char *cl_compdb_discover(const char *dir);

/* When args[*i] is an option naming a directory the preprocessor searches
 * (-I, -iquote, -isystem, -idirafter, --include-directory, --sysroot, ...;
 * joined "-Iinc" or separate "-I inc"), returns the directory (borrowed
 * from args) and, for the separate form, advances *i to the value. NULL
 * otherwise (*i unchanged). */
const char *cl_compdb_dir_option(char *const *args, size_t nargs, size_t *i);

/* Makes `path` absolute against `cwd` and removes "." and ".." components
 * and duplicate slashes (no symlink resolution). Returns a malloc'ed string. */
char *cl_path_normalize(const char *path, const char *cwd);

#endif
