/* fuzz_compdb.c - libFuzzer target for the compile database reader
 * (compdb.h).
 *
 * The input is written to compile_commands.json in a private temporary
 * project directory that also holds a few sources and response files the
 * seeds refer to with relative paths ("directory": ".", "@args.rsp"):
 *
 *   proj/a.c proj/b.c "proj/sp ace.c" proj/sub/c.c proj/inc/
 *   proj/args.rsp      -DFROM_RSP -Iinc
 *   proj/nested.rsp    @args.rsp -DNESTED
 *   proj/loop.rsp      @loop.rsp            (endless recursion, depth-capped)
 *   proj/plugin.rsp    -fplugin=./evil.so -Xclang -load -Xclang ./evil.so
 *   proj/quote.rsp     'unterminated
 *   proj/outside.rsp -> ../outside.rsp      (a symlink out of the tree)
 *
 * cl_compdb_load only reads files; it never runs or loads anything. Still,
 * the input is untrusted and may name any path: as root, a "regular" pseudo
 * file such as /proc/kmsg or tracing's trace_pipe blocks forever when read
 * (and reading kmsg consumes the kernel log). Inputs whose strings mention
 * proc, kmsg, trace, /sys or sys/ are therefore skipped (see safe_input).
 *
 * Invariants checked besides ASan/UBSan/LSan:
 *   - a failure leaves one non-empty error line and an empty database;
 *   - every kept entry has an absolute file and directory, and args is
 *     NULL-terminated at nargs;
 *   - no kept argument loads code (-fplugin=, -fpass-plugin=, -load,
 *     -plugin, -add-plugin, --config, also through -Xclang, -Xclang=, -mllvm,
 *     -Wp, -Xpreprocessor, -Xanalyzer, -Xarch_*), skipping the values of
 *     options that take the next argument;
 *   - every warning is one line;
 *   - cl_compdb_find finds every kept file; cl_compdb_filter keeps order.
 */
#include "fuzz_common.h"

#include <cjson/cJSON.h>

#include "cli/compdb.h"

static char proj[4200];

static void mkfile(const char *name, const char *text)
{
    char p[4400];
    snprintf(p, sizeof p, "%s/%s", proj, name);
    fuzz_write_file(p, text, strlen(text));
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    char p[4400];
    fuzz_path(proj, sizeof proj, "proj");
    if (mkdir(proj, 0700) != 0)
        abort();
    snprintf(p, sizeof p, "%s/sub", proj);
    mkdir(p, 0700);
    snprintf(p, sizeof p, "%s/inc", proj);
    mkdir(p, 0700);
    mkfile("a.c", "int a;\n");
    mkfile("b.c", "int b;\n");
    mkfile("sp ace.c", "int s;\n");
    mkfile("sub/c.c", "int c;\n");
    mkfile("args.rsp", "-DFROM_RSP -Iinc\n");
    mkfile("nested.rsp", "@args.rsp -DNESTED\n");
    mkfile("loop.rsp", "@loop.rsp\n");
    mkfile("plugin.rsp", "-fplugin=./evil.so -Xclang -load -Xclang ./evil.so\n");
    mkfile("quote.rsp", "'unterminated\n");
    fuzz_write_file(fuzz_path(p, sizeof p, "outside.rsp"), "-DOUTSIDE\n", 10);
    char link[4400];
    snprintf(link, sizeof link, "%s/outside.rsp", proj);
    if (symlink("../outside.rsp", link) != 0)
        abort();
    return 0;
}

/* ---- which inputs are run ------------------------------------------------ */

static int string_unsafe(const char *s)
{
    return strstr(s, "proc") != NULL || strstr(s, "kmsg") != NULL || strstr(s, "trace") != NULL ||
           strstr(s, "/sys") != NULL || strstr(s, "sys/") != NULL;
}

static int tree_unsafe(const cJSON *n)
{
    for (; n != NULL; n = n->next) {
        if (n->string != NULL && string_unsafe(n->string))
            return 1;
        if (cJSON_IsString(n) && n->valuestring != NULL && string_unsafe(n->valuestring))
            return 1;
        if (n->child != NULL && tree_unsafe(n->child))
            return 1;
    }
    return 0;
}

/* Whether the input may be given to the reader: not when a string in it
 * (as the reader decodes it) could reach a pseudo file that blocks. Inputs
 * that are not JSON are safe: the reader stops before looking at paths. */
static int safe_input(const uint8_t *data, size_t size)
{
    const char *json = (const char *)data;
    if (size >= 3 && memcmp(json, "\xEF\xBB\xBF", 3) == 0) {
        json += 3;
        size -= 3;
    }
    cJSON *root = cJSON_ParseWithLengthOpts(json, size, NULL, 0);
    if (root == NULL)
        return 1;
    int unsafe = tree_unsafe(root);
    cJSON_Delete(root);
    return !unsafe;
}

/* ---- invariants ----------------------------------------------------------- */

static int starts_with(const char *s, const char *p)
{
    return strncmp(s, p, strlen(p)) == 0;
}

/* Whether the argument `a` loads code. --config (clang reads more
 * options from the file) counts only as a driver argument of its own:
 * handed on through -Xarch_* or -Xclang it is ignored or rejected. */
static int loads_code(const char *a, int toplevel)
{
    if (toplevel && starts_with(a, "--config"))
        return 1;
    if (a[0] == '-' && a[1] == '-' && a[2] != '\0')
        a++; /* "--fplugin=" is "-fplugin=" */
    return starts_with(a, "-fplugin") || starts_with(a, "-fpass-plugin") ||
           starts_with(a, "-load") || starts_with(a, "-plugin") ||
           starts_with(a, "-add-plugin");
}

/* `a` as handed on by a joined forwarder, looking through nested ones.
 * `driver`: `a` reaches the driver (a plain argument, or one handed on by
 * -Xarch_* / -Xopenmp-target), where "-Wp,A,B" hands A and B on to the
 * frontend; the frontend itself rejects -Wp. */
static int payload_loads_code(const char *a, int toplevel, int driver)
{
    for (;;) {
        if (loads_code(a, toplevel))
            return 1;
        if (starts_with(a, "-Xclang="))
            a += strlen("-Xclang="), toplevel = 0, driver = 0;
        else if (starts_with(a, "-mllvm="))
            a += strlen("-mllvm="), toplevel = 0, driver = 0;
        else if (starts_with(a, "-Wp,") && driver) {
            toplevel = 0;
            for (const char *p = a + 4; p != NULL; p = strchr(p, ',')) {
                if (*p == ',')
                    p++;
                if (payload_loads_code(p, 0, 0))
                    return 1;
            }
            return 0;
        } else
            return 0;
    }
}

static const char *const takes_next[] = {
    "-D", "-U", "-x", "-target", "--target", "-arch", "-Xassembler", "-Xlinker", "-L", "-l",
    "-u", "-T", "-z", "-A", "-aux-info", "-imultilib", "-iwithprefix", "-iwithprefixbefore",
    "-iwithsysroot", "--param", "-gcc-toolchain", "-resource-dir", "-working-directory",
    "-ccc-gcc-name", "-dxc-entrypoint", "-Xcuda-fatbinary", "-Xcuda-ptxas",
    "-serialize-diagnostics", "--serialize-diagnostics", "-include-pch", "-include",
    "-imacros", "-ivfsoverlay", "-isystem-after", "-isystem", "-iquote", "-idirafter",
    "-iframework", "-isysroot", "-cxx-isystem", "-iprefix", "--sysroot", "-I", "-F", NULL,
};

static int is_forwarder(const char *a)
{
    return strcmp(a, "-Xclang") == 0 || strcmp(a, "-Xpreprocessor") == 0 ||
           strcmp(a, "-Xanalyzer") == 0 || strcmp(a, "-mllvm") == 0 ||
           starts_with(a, "-Xarch_") || strcmp(a, "-Xopenmp-target") == 0 ||
           starts_with(a, "-Xopenmp-target=");
}

static void check_cmd(const cl_compile_cmd *cmd)
{
    if (cmd->file == NULL || cmd->file[0] != '/')
        fuzz_fail("entry file is not absolute: '%s'", cmd->file ? cmd->file : "(null)");
    if (cmd->directory == NULL || cmd->directory[0] != '/')
        fuzz_fail("entry directory is not absolute: '%s'",
                  cmd->directory ? cmd->directory : "(null)");
    if (cmd->nargs > 0 && cmd->args == NULL)
        fuzz_fail("nargs %zu with args NULL", cmd->nargs);
    if (cmd->args != NULL && cmd->args[cmd->nargs] != NULL)
        fuzz_fail("args[nargs] is not NULL");
    for (size_t i = 0; i < cmd->nargs; i++) {
        const char *a = cmd->args[i];
        if (a == NULL)
            fuzz_fail("args[%zu] is NULL before nargs %zu", i, cmd->nargs);
        int value_next = 0;
        for (size_t k = 0; takes_next[k] != NULL; k++)
            if (strcmp(a, takes_next[k]) == 0)
                value_next = 1;
        if (value_next) {
            i++; /* its value is not an option */
            continue;
        }
        if (is_forwarder(a)) {
            const char *next = i + 1 < cmd->nargs ? cmd->args[i + 1] : NULL;
            if (next != NULL &&
                payload_loads_code(next, 0, starts_with(a, "-Xarch_") || starts_with(a, "-Xopenmp-target")))
                fuzz_fail("kept a code-loading argument: '%s' '%s'", a, next);
            if (next != NULL)
                i++; /* "-Xopenmp-target=T" also takes its value separately */
            continue;
        }
        if (payload_loads_code(a, 1, 1))
            fuzz_fail("kept a code-loading argument: '%s'", a);
    }
}

static int keep_odd(void *arg, const cl_compile_cmd *cmd)
{
    size_t *count = arg;
    (void)cmd;
    return (*count)++ % 2 == 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!safe_input(data, size))
        return 0;
    char dbpath[4400], err[512];
    snprintf(dbpath, sizeof dbpath, "%s/compile_commands.json", proj);
    fuzz_write_file(dbpath, data, size);

    cl_compdb db;
    memset(&db, 0x5a, sizeof db); /* "needs no initialization" */
    err[0] = '\0';
    /* Alternate between naming the file and naming its directory. */
    const char *arg = (size % 2 == 0) ? dbpath : proj;
    if (cl_compdb_load(&db, arg, err, sizeof err) != 0) {
        fuzz_check_err_line("cl_compdb_load", err);
        if (db.n != 0 || db.cmds != NULL || db.nwarnings != 0 || db.warnings != NULL)
            fuzz_fail("a failed load left a non-empty database");
        return 0;
    }
    for (size_t i = 0; i < db.nwarnings; i++) {
        if (db.warnings[i] == NULL || strchr(db.warnings[i], '\n') != NULL)
            fuzz_fail("warning %zu is not one line: '%s'", i,
                      db.warnings[i] ? db.warnings[i] : "(null)");
    }
    for (size_t i = 0; i < db.n; i++) {
        check_cmd(&db.cmds[i]);
        const cl_compile_cmd *found = cl_compdb_find(&db, db.cmds[i].file);
        if (found == NULL || strcmp(found->file, db.cmds[i].file) != 0)
            fuzz_fail("cl_compdb_find does not find kept file '%s'", db.cmds[i].file);
    }
    size_t n_before = db.n, count = 0;
    cl_compdb_filter(&db, keep_odd, &count);
    if (count != n_before || db.n != n_before / 2)
        fuzz_fail("cl_compdb_filter kept %zu of %zu (asked %zu)", db.n, n_before, n_before / 2);
    cl_compdb_release(&db);
    return 0;
}
