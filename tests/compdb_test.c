/* compdb_test.c - unit tests for compdb.c: hostile and broken compile
 * databases, argument splitting and filtering, response files, plugin flags.
 *
 * Every test works in a fresh temporary directory. Exit status 0 when all
 * checks pass, 1 otherwise; each failed check prints its line.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cJSON.h>

#include "util/arena.h"
#include "cli/compdb.h"
#include "testutil.h"

static int has_arg(const cl_compile_cmd *cmd, const char *arg)
{
    for (size_t i = 0; i < cmd->nargs; i++)
        if (strcmp(cmd->args[i], arg) == 0)
            return 1;
    return 0;
}

static int any_arg_contains(const cl_compile_cmd *cmd, const char *needle)
{
    for (size_t i = 0; i < cmd->nargs; i++)
        if (strstr(cmd->args[i], needle) != NULL)
            return 1;
    return 0;
}

/* Does an argument end with `suffix`? (The temporary directory's random
 * name may itself contain ".o", so "contains" is not the right test for an
 * object file.) */
static int any_arg_ends_with(const cl_compile_cmd *cmd, const char *suffix)
{
    size_t n = strlen(suffix);
    for (size_t i = 0; i < cmd->nargs; i++) {
        size_t len = strlen(cmd->args[i]);
        if (len >= n && strcmp(cmd->args[i] + len - n, suffix) == 0)
            return 1;
    }
    return 0;
}

static int has_warning(const cl_compdb *db, const char *needle)
{
    for (size_t i = 0; i < db->nwarnings; i++)
        if (strstr(db->warnings[i], needle) != NULL)
            return 1;
    return 0;
}

static void dump(const cl_compdb *db)
{
    for (size_t i = 0; i < db->n; i++) {
        fprintf(stderr, "  [%zu] %s in %s:", i, db->cmds[i].file, db->cmds[i].directory);
        for (size_t k = 0; k < db->cmds[i].nargs; k++)
            fprintf(stderr, " <%s>", db->cmds[i].args[k]);
        fputc('\n', stderr);
    }
    for (size_t i = 0; i < db->nwarnings; i++)
        fprintf(stderr, "  warning: %s\n", db->warnings[i]);
}

static void test_normalize(void)
{
    char *p;
    p = cl_path_normalize("a/./b/../c", "/x");
    CHECK_STR(p, "/x/a/c");
    free(p);
    p = cl_path_normalize("/../a", "/x");
    CHECK_STR(p, "/a");
    free(p);
    p = cl_path_normalize("//a//b/", "/x");
    CHECK_STR(p, "/a/b");
    free(p);
    p = cl_path_normalize(".", "/x/y/");
    CHECK_STR(p, "/x/y");
    free(p);
    p = cl_path_normalize("..", "/");
    CHECK_STR(p, "/");
    free(p);
    p = cl_path_normalize("../../z", "/x/y");
    CHECK_STR(p, "/z");
    free(p);
    p = cl_path_normalize("a", NULL);
    CHECK(p[0] == '/');
    free(p);
}

static void test_unreadable(void)
{
    cl_compdb db;
    char err[512];
    char *dir = make_tmpdir("compdb_test");
    char *missing = joinf("%s/nope/compile_commands.json", dir);

    CHECK(cl_compdb_load(&db, missing, err, sizeof err) == -1);
    CHECK(strstr(err, "cannot read '") != NULL);
    CHECK(strstr(err, "nope/compile_commands.json") != NULL);
    CHECK(db.n == 0 && db.cmds == NULL);

    /* A directory without a database. */
    CHECK(cl_compdb_load(&db, dir, err, sizeof err) == -1);
    CHECK(strstr(err, "cannot read") != NULL);

    write_file(dir, "compile_commands.json", "this is not json {");
    CHECK(cl_compdb_load(&db, dir, err, sizeof err) == -1);
    CHECK(strstr(err, "is not valid JSON") != NULL);

    write_file(dir, "compile_commands.json", "");
    CHECK(cl_compdb_load(&db, dir, err, sizeof err) == -1);
    CHECK(strstr(err, "is empty; it must be a JSON array of entries") != NULL);

    /* Binary garbage. */
    {
        char *p = joinf("%s/compile_commands.json", dir);
        FILE *fp = fopen(p, "wb");
        for (int i = 0; i < 4096; i++)
            fputc((i * 7919) & 0xff, fp);
        fclose(fp);
        free(p);
    }
    CHECK(cl_compdb_load(&db, dir, err, sizeof err) == -1);
    CHECK(strstr(err, "is not valid JSON") != NULL);

    write_file(dir, "compile_commands.json", "{\"directory\": \"/\", \"file\": \"a.c\"}");
    CHECK(cl_compdb_load(&db, dir, err, sizeof err) == -1);
    CHECK(strstr(err, "must be a JSON array of entries, but holds an object at line 1, column 1") != NULL);

    /* Deep nesting must not crash the parser. */
    {
        char *p = joinf("%s/compile_commands.json", dir);
        FILE *fp = fopen(p, "wb");
        for (int i = 0; i < 100000; i++)
            fputc('[', fp);
        fclose(fp);
        free(p);
    }
    CHECK(cl_compdb_load(&db, dir, err, sizeof err) == -1);

    /* An empty array is fine. */
    write_file(dir, "compile_commands.json", "[]");
    CHECK(cl_compdb_load(&db, dir, err, sizeof err) == 0);
    CHECK(db.n == 0);
    cl_compdb_release(&db);

    free(missing);
    remove_tree(dir);
    free(dir);
}

/* Databases of the wrong shape (new users' reports: an object got a message
 * about data "after the array", an empty file "error near byte 0"): one
 * line each, saying what is wrong and where. */
static void test_wrong_shapes(void)
{
    static const struct {
        const char *text, *want; /* want: the message after "compile database 'DB' " */
    } cases[] = {
        { "", "is empty; it must be a JSON array of entries, one per compiled file" },
        { " \n\t\r\n", "is empty (only white space); it must be a JSON array of entries, one per "
                      "compiled file" },
        { "\xEF\xBB\xBF", "is empty; it must be a JSON array of entries, one per compiled file" },
        { "null\n", "must be a JSON array of entries, but holds null at line 1, column 1" },
        { "\n  42", "must be a JSON array of entries, but holds a number at line 2, column 3" },
        { "\"a.c\"", "must be a JSON array of entries, but holds a string at line 1, column 1" },
        { "{\"x\": 1}", "must be a JSON array of entries, but holds an object at line 1, column 1" },
        { "{\"directory\": \"/\", \"file\": \"a.c\", \"command\": \"cc a.c\"}\n",
          "must be a JSON array of entries, but holds an object at line 1, column 1 (an entry "
          "without the enclosing '[' and ']'?)" },
        { "{\"file\": \"a.c\"},\n{\"file\": \"b.c\"}\n",
          "must be a JSON array of entries, but holds an object at line 1, column 1 and more "
          "data at line 1, column 16 (entries without the enclosing '[' and ']'?)" },
        { "[{\"file\": \"a.c\"},\n {\"file\": \"b.c\"", "is cut short: it ends at line 2, column 16, "
                                                   "inside the array" },
        { "[{\"file\": \"a.c\"},\n", "is cut short: it ends at line 1, column 18, inside the array" },
        { "[{\"file\": \"a.", "is cut short: it ends at line 1, column 14, inside a string" },
        { "{\"file\":", "is cut short: it ends at line 1, column 9, inside an object" },
        { "[\n {\"file\": \"a.c\" \"directory\": \"/\"}\n]",
          "is not valid JSON: syntax error at line 2, column 17" },
        { "[1, 2,]", "is not valid JSON: syntax error at line 1, column 7" },
        { "[]\n{}", "is not valid JSON: unexpected data after the array at line 2, column 1" },
    };
    cl_compdb db;
    char err[512];
    char *dir = make_tmpdir("compdb_test");
    char *path = joinf("%s/compile_commands.json", dir);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        write_file(dir, "compile_commands.json", cases[i].text);
        CHECK(cl_compdb_load(&db, path, err, sizeof err) == -1);
        char *want = joinf("compile database '%s' %s", path, cases[i].want);
        CHECK_STR(err, want);
        free(want);
    }
    /* An empty array loads: what to make of it is the caller's to say. */
    write_file(dir, "compile_commands.json", " [ ]\n");
    CHECK(cl_compdb_load(&db, path, err, sizeof err) == 0);
    CHECK(db.nentries == 0 && db.n == 0 && db.nwarnings == 0);
    cl_compdb_release(&db);
    write_file(dir, "compile_commands.json", "[7, null]");
    CHECK(cl_compdb_load(&db, path, err, sizeof err) == 0);
    CHECK(db.nentries == 2 && db.n == 0 && db.nwarnings == 2);
    cl_compdb_release(&db);
    free(path);
    remove_tree(dir);
    free(dir);
}

static void test_malformed_entries(void)
{
    cl_compdb db;
    char err[512];
    char *dir = make_tmpdir("compdb_test");
    write_file(dir, "p/ok.c", "int ok;\n");
    write_file(dir, "p/x.c", "int x;\n");
    char *json = joinf(
               "[\n"
               "  1,\n"
               "  {\"directory\": \"/p\", \"command\": \"cc -c x.c\"},\n"
               "  {\"directory\": \"/p\", \"file\": 3, \"command\": \"cc -c x.c\"},\n"
               "  {\"directory\": 5, \"file\": \"x.c\", \"command\": \"cc -c x.c\"},\n"
               "  {\"directory\": \"/p\", \"file\": \"x.c\"},\n"
               "  {\"directory\": \"/p\", \"file\": \"x.c\", \"arguments\": [\"cc\", 1]},\n"
               "  {\"directory\": \"/p\", \"file\": \"x.c\", \"command\": [\"cc\"]},\n"
               "  {\"directory\": \"/p\", \"file\": \"x.c\", \"command\": \"cc 'unterminated\"},\n"
               "  {\"directory\": \"/p\", \"file\": \"\", \"command\": \"cc -c x.c\"},\n"
               "  null,\n"
               "  \"string\",\n"
               "  {\"directory\": \"/p\", \"file\": \"ok.c\", \"command\": \"cc -c ok.c\"}\n"
               "]\n");
    /* Every "/p" above is the test's own folder. */
    cl_strbuf jb = {0};
    char *pdir = joinf("%s/p", dir);
    for (const char *q = json; *q; q++) {
        if (strncmp(q, "\"/p\"", 4) == 0) {
            cl_strbuf_addf(&jb, "\"%s\"", pdir);
            q += 3;
        } else {
            cl_strbuf_addn(&jb, q, 1);
        }
    }
    free(json);
    write_file(dir, "compile_commands.json", cl_strbuf_str(&jb));
    cl_strbuf_release(&jb);
    CHECK(cl_compdb_load(&db, dir, err, sizeof err) == 0);
    CHECK(db.n == 1);
    if (db.n == 1) {
        char *want = joinf("%s/ok.c", pdir);
        CHECK_STR(db.cmds[0].file, want);
        free(want);
    }
    free(pdir);
    CHECK(has_warning(&db, "entry 1: not an object, skipped"));
    CHECK(has_warning(&db, "compile_commands.json: entry 2: missing \"file\", skipped"));
    CHECK(has_warning(&db, "entry 3: \"file\" is not a string"));
    CHECK(has_warning(&db, "entry 4 (x.c): \"directory\" is not a string"));
    CHECK(has_warning(&db, "entry 5 (x.c): neither \"command\" nor \"arguments\""));
    CHECK(has_warning(&db, "entry 6 (x.c): \"arguments\" is not"));
    CHECK(has_warning(&db, "entry 7 (x.c): \"command\" is not a string"));
    CHECK(has_warning(&db, "entry 8 (x.c): unterminated quote"));
    CHECK(has_warning(&db, "entry 9: \"file\" is empty"));
    CHECK(has_warning(&db, "entry 10: not an object"));
    CHECK(has_warning(&db, "entry 11: not an object"));
    /* Warnings are single lines. */
    for (size_t i = 0; i < db.nwarnings; i++)
        CHECK(strchr(db.warnings[i], '\n') == NULL);
    if (t_all()->fails)
        dump(&db);
    cl_compdb_release(&db);
    remove_tree(dir);
    free(dir);
}

static void test_command_split(void)
{
    cl_compdb db;
    char err[512];
    char *dir = make_tmpdir("compdb_test");
    /* JSON-escaped command:
     *   cc "-DMSG=\"hi there\"" -DX='a b' -DY=a\ b -DZ="x\y" -c a.c  */
    write_file(dir, "proj/a.c", "int a;\n");
    char *json = joinf(
               "[{\"directory\": \"%s/proj\", \"file\": \"a.c\", \"command\":"
               " \"cc \\\"-DMSG=\\\\\\\"hi there\\\\\\\"\\\" -DX='a b' -DY=a\\\\ b"
               " -DZ=\\\"x\\\\y\\\" -DE='' -c a.c\"}]", dir);
    write_file(dir, "compile_commands.json", json);
    free(json);
    CHECK(cl_compdb_load(&db, dir, err, sizeof err) == 0);
    CHECK(db.n == 1);
    if (db.n == 1) {
        const cl_compile_cmd *c = &db.cmds[0];
        char *want = joinf("%s/proj/a.c", dir);
        CHECK_STR(c->file, want);
        free(want);
        want = joinf("%s/proj", dir);
        CHECK_STR(c->directory, want);
        free(want);
        CHECK(c->nargs == 5);
        CHECK(has_arg(c, "-DMSG=\"hi there\""));
        CHECK(has_arg(c, "-DX=a b"));
        CHECK(has_arg(c, "-DY=a b"));
        CHECK(has_arg(c, "-DZ=x\\y"));
        CHECK(has_arg(c, "-DE="));
        CHECK(!has_arg(c, "-c"));
        CHECK(!has_arg(c, "a.c"));
        CHECK(!has_arg(c, "cc"));
        CHECK(c->args[c->nargs] == NULL);
    }
    if (t_all()->fails)
        dump(&db);
    cl_compdb_release(&db);
    remove_tree(dir);
    free(dir);
}

static void test_arguments_and_drops(void)
{
    cl_compdb db;
    char err[512];
    char *dir = make_tmpdir("compdb_test");
    write_file(dir, "src/local.h", "#define X 1\n");
    write_file(dir, "src/a.c", "int a;\n");
    char *json = joinf(
        "[{\"directory\": \"%s/src\", \"file\": \"a.c\", \"arguments\": ["
        "\"ccache\", \"/usr/bin/gcc\", \"-Iinc\", \"-I\", \"../other\", \"-isystem\", \"sys\","
        " \"-iquote\", \"/abs/q\", \"-include\", \"local.h\", \"-include\", \"notthere.h\","
        " \"-DFOO=1\", \"-U\", \"BAR\", \"-std=c11\", \"-Wall\", \"-fno-strict-aliasing\","
        " \"--target=x86_64-linux-gnu\", \"-c\", \"-o\", \"a.o\", \"-MD\", \"-MF\", \"a.d\","
        " \"-MT\", \"a.o\", \"-MQ\", \"b.o\", \"-MMD\", \"-Wp,-MD,dep.d\", \"-oother.o\","
        " \"-fsanitize-ignorelist=local.h\", \"a.c\"]}]",
        dir);
    write_file(dir, "build/compile_commands.json", json);
    free(json);
    char *dbp = joinf("%s/build", dir);
    CHECK(cl_compdb_load(&db, dbp, err, sizeof err) == 0);
    CHECK(db.n == 1);
    if (db.n == 1) {
        const cl_compile_cmd *c = &db.cmds[0];
        char *want;
        want = joinf("%s/src/a.c", dir);
        CHECK_STR(c->file, want);
        free(want);
        want = joinf("-I%s/src/inc", dir);
        CHECK(has_arg(c, want));
        free(want);
        want = joinf("%s/other", dir);
        CHECK(has_arg(c, want));
        free(want);
        want = joinf("%s/src/sys", dir);
        CHECK(has_arg(c, want));
        free(want);
        want = joinf("%s/src/local.h", dir);
        CHECK(has_arg(c, want));
        free(want);
        want = joinf("-fsanitize-ignorelist=%s/src/local.h", dir);
        CHECK(has_arg(c, want));
        free(want);
        CHECK(has_arg(c, "notthere.h")); /* left to the include path */
        CHECK(has_arg(c, "/abs/q"));
        CHECK(has_arg(c, "-DFOO=1"));
        CHECK(has_arg(c, "BAR"));
        CHECK(has_arg(c, "-std=c11"));
        CHECK(has_arg(c, "-Wall"));
        CHECK(has_arg(c, "-fno-strict-aliasing"));
        CHECK(has_arg(c, "--target=x86_64-linux-gnu"));
        CHECK(!has_arg(c, "-c"));
        CHECK(!has_arg(c, "-o"));
        CHECK(!any_arg_ends_with(c, ".o"));
        CHECK(!any_arg_contains(c, "-M"));
        CHECK(!any_arg_contains(c, "dep.d"));
        CHECK(!any_arg_contains(c, "a.d"));
        CHECK(!has_arg(c, "gcc") && !any_arg_ends_with(c, "/gcc"));
        CHECK(!has_arg(c, "ccache") && !any_arg_ends_with(c, "/ccache"));
        CHECK(!has_arg(c, "a.c"));
        CHECK(c->nargs == 19);
    }
    CHECK(db.nwarnings == 0);
    if (t_all()->fails)
        dump(&db);
    cl_compdb_release(&db);
    free(dbp);
    remove_tree(dir);
    free(dir);
}

/* A C++ entry first does not hide the C entry of the same file. */
/* A later entry of a file is kept as a build variant only when it defines
 * a macro the file names differently from every kept entry (variants.h);
 * entries of one macro configuration share a config id. */
static void test_build_variants(void)
{
    cl_compdb db;
    char err[512];
    char *dir = make_tmpdir("compdb_test");
    write_file(dir, "v.c", "#ifdef THREADED\nint t;\n#endif\nint v;\n");
    write_file(dir, "main.c", "int main(void) { return 0; }\n");
    write_file(dir, "compile_commands.json",
               "[{\"directory\": \".\", \"file\": \"v.c\", \"command\": \"cc -DPIC -c v.c\"},"
               " {\"directory\": \".\", \"file\": \"v.c\", \"command\": \"cc -DPIC -DTHREADED -c v.c\"},"
               " {\"directory\": \".\", \"file\": \"v.c\", \"command\": \"cc -DTHREADED -c v.c\"},"
               " {\"directory\": \".\", \"file\": \"v.c\", \"command\": \"cc -DTHREADED -UTHREADED -c v.c\"},"
               " {\"directory\": \".\", \"file\": \"v.c\", \"command\": \"cc -D THREADED=2 -c v.c\"},"
               " {\"directory\": \".\", \"file\": \"main.c\", \"command\": \"cc -DTHREADED -DPIC -c main.c\"}]");
    char *dbp = joinf("%s/compile_commands.json", dir);
    CHECK(cl_compdb_load(&db, dbp, err, sizeof err) == 0);
    CHECK(db.n == 4);
    if (db.n == 4) {
        CHECK(has_arg(&db.cmds[0], "-DPIC") && !has_arg(&db.cmds[0], "-DTHREADED"));
        CHECK(has_arg(&db.cmds[1], "-DTHREADED"));
        CHECK(any_arg_contains(&db.cmds[2], "THREADED=2"));
        CHECK(any_arg_ends_with(&db.cmds[3], "main.c") || strstr(db.cmds[3].file, "main.c") != NULL);
        CHECK(db.cmds[0].config != db.cmds[1].config);
        CHECK(db.cmds[1].config != db.cmds[2].config);
        CHECK(db.cmds[3].config == db.cmds[1].config);
    }
    CHECK(has_warning(&db, "2 entries for files listed earlier were skipped (a file is analyzed once "
                           "per configuration of the macros it names)"));
    if (t_all()->fails)
        dump(&db);
    cl_compdb_release(&db);
    free(dbp);
    /* A function-like macro is named by what precedes its parameters. */
    write_file(dir, "f.c", "void f(int *m) { LOCK(m); }\n");
    write_file(dir, "compile_commands.json",
               "[{\"directory\": \".\", \"file\": \"f.c\", \"arguments\": [\"cc\", \"-DLOCK(x)=lock(x)\", \"-c\", \"f.c\"]},"
               " {\"directory\": \".\", \"file\": \"f.c\", \"arguments\": [\"cc\", \"-DLOCK(x)=(void)(x)\", \"-c\", \"f.c\"]},"
               " {\"directory\": \".\", \"file\": \"f.c\", \"arguments\": [\"cc\", \"-D\", \"LOCK(x)=(void)(x)\", \"-c\", \"f.c\"]}]");
    dbp = joinf("%s/compile_commands.json", dir);
    CHECK(cl_compdb_load(&db, dbp, err, sizeof err) == 0);
    CHECK(db.n == 2);
    if (db.n == 2)
        CHECK(db.cmds[0].config != db.cmds[1].config);
    cl_compdb_release(&db);
    free(dbp);
    remove_tree(dir);
    free(dir);
}

static void test_other_language_first(void)
{
    cl_compdb db;
    char err[512];
    char *dir = make_tmpdir("compdb_test");
    write_file(dir, "a.c", "int a;\n");
    write_file(dir, "compile_commands.json",
               "[{\"directory\": \".\", \"file\": \"a.c\", \"command\": \"cc -x c++ -c a.c\"},"
               " {\"directory\": \".\", \"file\": \"a.c\", \"command\": \"cc -DPLAIN_C -c a.c\"},"
               " {\"directory\": \".\", \"file\": \"a.c\", \"command\": \"cc -DLATER -c a.c\"}]");
    char *dbp = joinf("%s/compile_commands.json", dir);
    CHECK(cl_compdb_load(&db, dbp, err, sizeof err) == 0);
    CHECK(db.n == 2);
    char *want = joinf("%s/a.c", dir);
    const cl_compile_cmd *found = cl_compdb_find(&db, want);
    CHECK(found != NULL && has_arg(found, "-DPLAIN_C"));
    CHECK(found != NULL && cl_compile_cmd_language(found) == NULL);
    CHECK(has_warning(&db, "1 entry for a file listed earlier was skipped"));
    free(want);
    if (t_all()->fails)
        dump(&db);
    cl_compdb_release(&db);
    free(dbp);
    remove_tree(dir);
    free(dir);
}

static void test_relative_directory_and_duplicates(void)
{
    cl_compdb db;
    char err[512];
    char *dir = make_tmpdir("compdb_test");
    write_file(dir, "src/a.c", "int a;\n");
    write_file(dir, "src/b.c", "int b;\n");
    write_file(dir, "build/c.c", "int c;\n");
    write_file(dir, "build/compile_commands.json",
               "[{\"directory\": \"../src\", \"file\": \"a.c\", \"command\": \"cc -DFIRST -c a.c\"},"
               " {\"directory\": \"../src/.\", \"file\": \"./a.c\", \"command\": \"cc -DSECOND -c a.c\"},"
               " {\"directory\": \"..\", \"file\": \"src/b.c\", \"command\": \"cc -c src/b.c extra.c\"},"
               " {\"file\": \"c.c\", \"command\": \"cc -c c.c\"}]");
    char *dbp = joinf("%s/build/compile_commands.json", dir);
    CHECK(cl_compdb_load(&db, dbp, err, sizeof err) == 0);
    CHECK(db.n == 3);
    if (db.n == 3) {
        char *want = joinf("%s/src/a.c", dir);
        CHECK_STR(db.cmds[0].file, want);
        const cl_compile_cmd *found = cl_compdb_find(&db, want);
        CHECK(found == &db.cmds[0]);
        free(want);
        want = joinf("%s/src", dir);
        CHECK_STR(db.cmds[0].directory, want);
        free(want);
        CHECK(has_arg(&db.cmds[0], "-DFIRST"));
        want = joinf("%s/src/b.c", dir);
        CHECK_STR(db.cmds[1].file, want);
        free(want);
        CHECK(db.cmds[1].nargs == 0);
        want = joinf("%s/build/c.c", dir);
        CHECK_STR(db.cmds[2].file, want);
        free(want);
    }
    CHECK(has_warning(&db, "compile_commands.json: 1 entry for a file listed earlier was skipped"));
    CHECK(!has_warning(&db, "1 entries"));
    CHECK(has_warning(&db, "entry 3 (src/b.c): dropped extra input 'extra.c'"));
    CHECK(has_warning(&db, "entry 4 (c.c): missing \"directory\""));
    CHECK(cl_compdb_find(&db, "/nonexistent/a.c") == NULL);
    if (t_all()->fails)
        dump(&db);
    cl_compdb_release(&db);
    free(dbp);
    remove_tree(dir);
    free(dir);
}

static void test_response_files(void)
{
    cl_compdb db;
    char err[512];
    char *dir = make_tmpdir("compdb_test");
    write_file(dir, "src/flags.rsp", "-DFROM_RSP \"-DQ=a b\"\n-Iinc @sub/nested.rsp\n");
    write_file(dir, "src/sub/nested.rsp", "-DNESTED -fplugin=from_rsp.so");
    write_file(dir, "src/loop.rsp", "-DLOOP @loop.rsp");
    write_file(dir, "src/bad.rsp", "-DBAD 'open");
    write_file(dir, "src/a.c", "int a;\n");
    write_file(dir, "src/b.c", "int b;\n");
    write_file(dir, "src/c.c", "int c;\n");
    write_file(dir, "src/d.c", "int d;\n");
    {
        char *fifo = joinf("%s/src/fifo.rsp", dir);
        CHECK(mkfifo(fifo, 0600) == 0);
        free(fifo);
    }
    char *json = joinf(
        "[{\"directory\": \"%s/src\", \"file\": \"a.c\", \"command\": \"cc @flags.rsp -c a.c\"},"
        " {\"directory\": \"%s/src\", \"file\": \"b.c\", \"command\": \"cc @missing.rsp -DB -c b.c\"},"
        " {\"directory\": \"%s/src\", \"file\": \"c.c\", \"command\": \"cc @loop.rsp -c c.c\"},"
        " {\"directory\": \"%s/src\", \"file\": \"d.c\", \"command\": \"cc @bad.rsp @fifo.rsp @. -c d.c\"}]",
        dir, dir, dir, dir);
    write_file(dir, "compile_commands.json", json);
    free(json);
    CHECK(cl_compdb_load(&db, dir, err, sizeof err) == 0);
    CHECK(db.n == 4);
    if (db.n == 4) {
        const cl_compile_cmd *c = &db.cmds[0];
        CHECK(has_arg(c, "-DFROM_RSP"));
        CHECK(has_arg(c, "-DQ=a b"));
        CHECK(has_arg(c, "-DNESTED"));
        char *want = joinf("-I%s/src/inc", dir);
        CHECK(has_arg(c, want));
        free(want);
        CHECK(!any_arg_contains(c, "plugin"));
        CHECK(!any_arg_contains(c, "@"));
        CHECK(has_arg(&db.cmds[1], "-DB"));
        CHECK(!any_arg_contains(&db.cmds[1], "@"));
        /* The self-including file stops at the depth limit. */
        size_t loops = 0;
        for (size_t i = 0; i < db.cmds[2].nargs; i++)
            loops += strcmp(db.cmds[2].args[i], "-DLOOP") == 0;
        CHECK(loops == 8);
        CHECK(db.cmds[3].nargs == 0);
    }
    CHECK(has_warning(&db, "entry 1 (a.c): dropped a plugin flag from response file 'flags.rsp'"));
    CHECK(!has_warning(&db, "from_rsp.so"));
    CHECK(has_warning(&db, "entry 2 (b.c): cannot read response file '@missing.rsp'"));
    CHECK(has_warning(&db, "entry 3 (c.c): response files nested more than 8 deep in response file 'loop.rsp', dropped"));
    CHECK(has_warning(&db, "entry 4 (d.c): unterminated quote in response file '@bad.rsp'"));
    CHECK(has_warning(&db, "entry 4 (d.c): cannot read response file '@fifo.rsp': not a regular file"));
    CHECK(has_warning(&db, "entry 4 (d.c): cannot read response file '@.': is a directory"));
    if (t_all()->fails)
        dump(&db);
    cl_compdb_release(&db);
    remove_tree(dir);
    free(dir);
}

static void test_plugins(void)
{
    cl_compdb db;
    char err[512];
    char *dir = make_tmpdir("compdb_test");
    write_file(dir, "p/src/a.c", "int a;\n");
    char *json = joinf(
               "[{\"directory\": \"%s/p\", \"file\": \"src/a.c\", \"arguments\": [\"clang\","
               " \"-fplugin=evil.so\", \"-fplugin\", \"evil2.so\", \"-fpass-plugin=evil3.so\","
               " \"-Xclang\", \"-load\", \"-Xclang\", \"evil4.so\","
               " \"-Xclang\", \"-plugin\", \"-Xclang\", \"evil-action\","
               " \"-Xclang\", \"-add-plugin\", \"-Xclang\", \"evil-add\","
               " \"-load\", \"evil5.so\", \"-fplugin-arg-evil-x=1\", \"--config=evil.cfg\","
               " \"-mllvm\", \"-load=evil6.so\","
               " \"-Xclang\", \"-dependency-file\", \"-Xclang\", \"evil7.d\","
               " \"-Xclang=-header-include-file\", \"-Xclang=evil8.txt\","
               " \"-Xpreprocessor\", \"-dependency-file\", \"-Xpreprocessor\", \"evil9.d\","
               " \"-Xclang\", \"-fno-validate-pch\", \"-DKEEP\", \"-c\", \"src/a.c\"]}]",
               dir);
    write_file(dir, "compile_commands.json", json);
    free(json);
    CHECK(cl_compdb_load(&db, dir, err, sizeof err) == 0);
    CHECK(db.n == 1);
    if (db.n == 1) {
        const cl_compile_cmd *c = &db.cmds[0];
        CHECK(!any_arg_contains(c, "evil"));
        CHECK(!any_arg_contains(c, "plugin"));
        CHECK(!any_arg_contains(c, "load"));
        CHECK(has_arg(c, "-DKEEP"));
        CHECK(has_arg(c, "-Xclang") && has_arg(c, "-fno-validate-pch"));
        CHECK(c->nargs == 3);
    }
    CHECK(has_warning(&db, "entry 1 (src/a.c): dropped plugin flag '-fplugin=evil.so'"));
    CHECK(has_warning(&db, "dropped plugin flag '-fplugin evil2.so'"));
    CHECK(has_warning(&db, "dropped plugin flag '-fpass-plugin=evil3.so'"));
    CHECK(has_warning(&db, "dropped plugin flag '-Xclang -load -Xclang evil4.so'"));
    CHECK(has_warning(&db, "dropped plugin flag '-Xclang -plugin -Xclang evil-action'"));
    CHECK(has_warning(&db, "dropped plugin flag '-Xclang -add-plugin -Xclang evil-add'"));
    CHECK(has_warning(&db, "dropped plugin flag '-load evil5.so'"));
    CHECK(has_warning(&db, "dropped plugin flag '-fplugin-arg-evil-x=1'"));
    CHECK(has_warning(&db, "dropped config-file flag '--config=evil.cfg'"));
    CHECK(has_warning(&db, "dropped plugin flag '-mllvm -load=evil6.so'"));
    CHECK(has_warning(&db, "dropped output flag '-Xclang -dependency-file -Xclang evil7.d'"));
    CHECK(has_warning(&db, "dropped output flag '-Xclang=-header-include-file -Xclang=evil8.txt'"));
    CHECK(has_warning(&db, "dropped output flag '-Xpreprocessor -dependency-file -Xpreprocessor evil9.d'"));
    if (t_all()->fails)
        dump(&db);
    cl_compdb_release(&db);
    remove_tree(dir);
    free(dir);
}

/* The other spellings clang honours: "-Xclang=ARG", "--" long forms,
 * -fplugin-arg-..., -fpass-plugin through -Xclang, -mllvm=, -Xarch_. One
 * entry per form, so that a form swallowing its neighbours shows. */
static void test_plugin_spellings(void)
{
    static const struct {
        const char *args;  /* JSON array items between "clang" and "-DKEEP" */
        const char *warn;  /* the expected warning */
    } forms[] = {
        {"\"-Xclang=-load\", \"-Xclang=/x/evil.so\"", "dropped plugin flag '-Xclang=-load -Xclang=/x/evil.so'"},
        {"\"-Xclang=-load\", \"-Xclang\", \"/x/evil.so\"", "dropped plugin flag '-Xclang=-load -Xclang /x/evil.so'"},
        {"\"-Xclang\", \"-load\", \"-Xclang=/x/evil.so\"", "dropped plugin flag '-Xclang -load -Xclang=/x/evil.so'"},
        {"\"-Xclang=-plugin\", \"-Xclang=evil-action\"", "dropped plugin flag '-Xclang=-plugin -Xclang=evil-action'"},
        {"\"-Xclang=-add-plugin\", \"-Xclang=evil-add\"", "dropped plugin flag '-Xclang=-add-plugin -Xclang=evil-add'"},
        {"\"-Xclang=-fpass-plugin=/x/evil.so\"", "dropped plugin flag '-Xclang=-fpass-plugin=/x/evil.so'"},
        {"\"--plugin\", \"evil-action\"", "dropped plugin flag '--plugin evil-action'"},
        {"\"--plugin=evil-action\"", "dropped plugin flag '--plugin=evil-action'"},
        {"\"--load\", \"/x/evil.so\"", "dropped plugin flag '--load /x/evil.so'"},
        {"\"--fplugin=/x/evil.so\"", "dropped plugin flag '--fplugin=/x/evil.so'"},
        {"\"--add-plugin\", \"evil-add\"", "dropped plugin flag '--add-plugin evil-add'"},
        {"\"-fplugin-arg-evil-key=value\"", "dropped plugin flag '-fplugin-arg-evil-key=value'"},
        {"\"-Xclang\", \"-plugin-arg-evil\", \"-Xclang\", \"value\"",
         "dropped plugin flag '-Xclang -plugin-arg-evil -Xclang value'"},
        {"\"-Xclang\", \"-fpass-plugin=/x/evil.so\"", "dropped plugin flag '-Xclang -fpass-plugin=/x/evil.so'"},
        {"\"-Xclang\", \"-fpass-plugin\", \"-Xclang\", \"/x/evil.so\"",
         "dropped plugin flag '-Xclang -fpass-plugin -Xclang /x/evil.so'"},
        {"\"-mllvm=-load=/x/evil.so\"", "dropped plugin flag '-mllvm=-load=/x/evil.so'"},
        {"\"-Xarch_x86_64\", \"-fplugin=/x/evil.so\"", "dropped plugin flag '-Xarch_x86_64 -fplugin=/x/evil.so'"},
        {"\"-Xopenmp-target\", \"-fplugin=/x/evil.so\"", "dropped plugin flag '-Xopenmp-target -fplugin=/x/evil.so'"},
        {"\"-Wp,-load,/x/evil.so\"", "dropped plugin flag '-Wp,-load,/x/evil.so'"},
        {"\"-Wp,-DKEEP2,-plugin\", \"-Wp,evil-action\"", "dropped plugin flag '-Wp,-DKEEP2,-plugin -Wp,evil-action'"},
        {"\"-Xpreprocessor\", \"-load\", \"-Xpreprocessor\", \"/x/evil.so\"",
         "dropped plugin flag '-Xpreprocessor -load -Xpreprocessor /x/evil.so'"},
        {"\"-Xanalyzer\", \"-add-plugin\", \"-Xanalyzer\", \"evil-add\"",
         "dropped plugin flag '-Xanalyzer -add-plugin -Xanalyzer evil-add'"},
        {"\"-Xarch_x86_64\", \"-Xclang=-load=/x/evil.so\"", "dropped plugin flag '-Xarch_x86_64 -Xclang=-load=/x/evil.so'"},
    };
    enum { NFORMS = sizeof forms / sizeof forms[0] };
    cl_compdb db;
    char err[512];
    char *dir = make_tmpdir("compdb_test");
    cl_strbuf b = {0};
    cl_strbuf_add(&b, "[");
    for (size_t i = 0; i < NFORMS; i++) {
        char name[64];
        snprintf(name, sizeof name, "f%zu.c", i);
        write_file(dir, name, "int f;\n");
        cl_strbuf_addf(&b,
                       "%s{\"directory\": \"%s\", \"file\": \"f%zu.c\", \"arguments\":"
                       " [\"clang\", %s, \"-DKEEP\", \"-c\", \"f%zu.c\"]}",
                       i ? ",\n" : "", dir, i, forms[i].args, i);
    }
    cl_strbuf_add(&b, "]\n");
    write_file(dir, "compile_commands.json", cl_strbuf_str(&b));
    cl_strbuf_release(&b);
    CHECK(cl_compdb_load(&db, dir, err, sizeof err) == 0);
    CHECK(db.n == NFORMS);
    for (size_t i = 0; i < db.n; i++) {
        const cl_compile_cmd *c = &db.cmds[i];
        if (c->nargs != 1 || !has_arg(c, "-DKEEP")) {
            fprintf(stderr, "%s:%d: form %zu (%s) not dropped cleanly\n", __FILE__, __LINE__,
                    i, forms[i].args);
            t_all()->fails++;
        }
    }
    for (size_t i = 0; i < NFORMS; i++) {
        char want[512];
        snprintf(want, sizeof want, "entry %zu (f%zu.c): %s", i + 1, i, forms[i].warn);
        if (!has_warning(&db, want)) {
            fprintf(stderr, "%s:%d: missing warning \"%s\"\n", __FILE__, __LINE__, want);
            t_all()->fails++;
        }
    }
    CHECK(db.nwarnings == NFORMS);
    if (t_all()->fails)
        dump(&db);
    cl_compdb_release(&db);

    /* Forwarded flags that load nothing stay, with their values. */
    char *json = joinf(
        "[{\"directory\": \"%s\", \"file\": \"f0.c\", \"arguments\": [\"clang\","
        " \"-Xclang=-fno-validate-pch\", \"-Wp,-DWP\", \"-Xpreprocessor\", \"-DXP\","
        " \"-mllvm\", \"-x86-asm-syntax=intel\", \"-mllvm=-debug-pass=Structure\", \"-c\", \"f0.c\"]}]",
        dir);
    write_file(dir, "compile_commands.json", json);
    free(json);
    CHECK(cl_compdb_load(&db, dir, err, sizeof err) == 0);
    CHECK(db.n == 1 && db.nwarnings == 0);
    if (db.n == 1) {
        static const char *const want[] = {"-Xclang=-fno-validate-pch", "-Wp,-DWP",
                                           "-Xpreprocessor", "-DXP", "-mllvm",
                                           "-x86-asm-syntax=intel",
                                           "-mllvm=-debug-pass=Structure"};
        CHECK(db.cmds[0].nargs == 7);
        for (size_t i = 0; i < 7 && i < db.cmds[0].nargs; i++)
            CHECK_STR(db.cmds[0].args[i], want[i]);
    }
    if (t_all()->fails)
        dump(&db);
    cl_compdb_release(&db);
    remove_tree(dir);
    free(dir);
}

/* Response files are read only inside the build tree (the entry's directory
 * or the database's folder, after resolving symlinks), and what they hold is
 * never quoted in a warning. */
static void test_response_file_confinement(void)
{
    cl_compdb db;
    char err[512];
    char *dir = make_tmpdir("compdb_test");
    write_file(dir, "secret/secret.txt", "FAKE_SECRET_TOKEN=hunter2\n");
    write_file(dir, "proj/src/a.c", "int a;\n");
    write_file(dir, "proj/src/b.c", "int b;\n");
    write_file(dir, "proj/src/c.c", "int c;\n");
    write_file(dir, "proj/src/d.c", "int d;\n");
    write_file(dir, "proj/src/e.c", "int e;\n");
    write_file(dir, "proj/src/f.c", "int f;\n");
    write_file(dir, "proj/src/g.c", "int g;\n");
    write_file(dir, "proj/build/db.rsp", "-DFROM_DB_FOLDER\n");
    write_file(dir, "proj/src/h.c", "int h;\n");
    write_file(dir, "proj/src/in.rsp",
               "-DIN_TREE TOPSECRET_INPUT.c -fplugin=TOPSECRET.so --config=TOPSECRET.cfg\n");
    write_file(dir, "proj/src/many.rsp",
               "-DMANY TOPSECRET_1.c TOPSECRET_2.c -fplugin=TOPSECRET.so -Xclang -load -Xclang"
               " TOPSECRET2.so -- TOPSECRET_AFTER.c\n");
    char *secret = joinf("%s/secret/secret.txt", dir);
    {
        char *o = joinf("@%s @nothere_TOPSECRET.rsp @../../secret/secret.txt\n", secret);
        write_file(dir, "proj/src/outer.rsp", o);
        free(o);
        char *link = joinf("%s/proj/src/link.rsp", dir);
        CHECK(symlink(secret, link) == 0);
        free(link);
    }
    char *json = joinf(
        "[{\"directory\": \"%s/proj/src\", \"file\": \"a.c\", \"command\": \"cc @%s -DA -c a.c\"},"
        " {\"directory\": \"%s/proj/src\", \"file\": \"b.c\", \"command\": \"cc @../../secret/secret.txt -c b.c\"},"
        " {\"directory\": \"%s/proj/src\", \"file\": \"c.c\", \"command\": \"cc @link.rsp -c c.c\"},"
        " {\"directory\": \"%s/proj/src\", \"file\": \"d.c\", \"command\": \"cc @%s/proj/build/db.rsp -c d.c\"},"
        " {\"directory\": \"%s/proj/src\", \"file\": \"e.c\", \"command\": \"cc @in.rsp -c e.c db_extra.c\"},"
        " {\"directory\": \"%s/proj/src\", \"file\": \"f.c\", \"command\": \"cc @outer.rsp -c f.c\"},"
        " {\"directory\": \"%s/proj/src\", \"file\": \"g.c\", \"arguments\": [\"cc\", \"@/etc/passwd\", \"-c\", \"g.c\"]},"
        " {\"directory\": \"%s/proj/src\", \"file\": \"h.c\", \"command\": \"cc -c h.c @many.rsp\"}]",
        dir, secret, dir, dir, dir, dir, dir, dir, dir, dir);
    write_file(dir, "proj/build/compile_commands.json", json);
    free(json);
    char *dbp = joinf("%s/proj/build", dir);
    CHECK(cl_compdb_load(&db, dbp, err, sizeof err) == 0);
    CHECK(db.n == 8);
    if (db.n == 8) {
        CHECK(db.cmds[0].nargs == 1 && has_arg(&db.cmds[0], "-DA"));
        CHECK(db.cmds[1].nargs == 0);
        CHECK(db.cmds[2].nargs == 0);
        CHECK(db.cmds[3].nargs == 1 && has_arg(&db.cmds[3], "-DFROM_DB_FOLDER"));
        CHECK(has_arg(&db.cmds[4], "-DIN_TREE"));
        CHECK(!any_arg_contains(&db.cmds[4], "TOPSECRET"));
        CHECK(db.cmds[5].nargs == 0);
        CHECK(db.cmds[6].nargs == 0);
        CHECK(db.cmds[7].nargs == 1 && has_arg(&db.cmds[7], "-DMANY"));
        for (size_t i = 0; i < db.n; i++)
            CHECK(!any_arg_contains(&db.cmds[i], "FAKE_SECRET"));
    }
    char *want = joinf("entry 1 (a.c): response file '%s' is outside the build tree, skipped",
                       secret);
    CHECK(has_warning(&db, want));
    free(want);
    CHECK(has_warning(&db, "entry 2 (b.c): response file '../../secret/secret.txt' is outside the build tree, skipped"));
    CHECK(has_warning(&db, "entry 3 (c.c): response file 'link.rsp' is outside the build tree, skipped"));
    CHECK(has_warning(&db, "entry 5 (e.c): dropped an extra input from response file 'in.rsp'"));
    CHECK(has_warning(&db, "entry 5 (e.c): dropped a plugin flag from response file 'in.rsp'"));
    CHECK(has_warning(&db, "entry 5 (e.c): dropped a config-file flag from response file 'in.rsp'"));
    CHECK(has_warning(&db, "entry 5 (e.c): dropped extra input 'db_extra.c'"));
    CHECK(has_warning(&db, "entry 8 (h.c): dropped 3 extra inputs from response file 'many.rsp'"));
    CHECK(has_warning(&db, "entry 8 (h.c): dropped 2 plugin flags from response file 'many.rsp'"));
    CHECK(has_warning(&db, "entry 6 (f.c): a response file named in response file 'outer.rsp' is outside the build tree, skipped"));
    CHECK(has_warning(&db, "entry 6 (f.c): cannot read a response file named in response file 'outer.rsp'"));
    CHECK(has_warning(&db, "entry 7 (g.c): response file '/etc/passwd' is outside the build tree, skipped"));
    for (size_t i = 0; i < db.nwarnings; i++) {
        CHECK(strstr(db.warnings[i], "FAKE_SECRET") == NULL);
        CHECK(strstr(db.warnings[i], "hunter2") == NULL);
        CHECK(strstr(db.warnings[i], "TOPSECRET") == NULL);
        CHECK(strstr(db.warnings[i], "root:") == NULL);
    }
    if (t_all()->fails)
        dump(&db);
    cl_compdb_release(&db);
    free(dbp);
    free(secret);
    remove_tree(dir);
    free(dir);
}

/* A valid database nested deeper than cJSON's limit is reported as such,
 * not as invalid JSON. */
static void test_deep_nesting(void)
{
    enum { DEPTH = 100000 };
    cl_compdb db;
    char err[512];
    char *dir = make_tmpdir("compdb_test");
    char *p = joinf("%s/compile_commands.json", dir);
    FILE *fp = fopen(p, "wb");
    for (int i = 0; i < DEPTH; i++)
        fputc('[', fp);
    for (int i = 0; i < DEPTH; i++)
        fputc(']', fp);
    fclose(fp);
    CHECK(cl_compdb_load(&db, p, err, sizeof err) == -1);
    char *want = joinf("'%s' nests deeper than %d levels", p, CJSON_NESTING_LIMIT);
    CHECK_STR(err, want);
    free(want);

    /* Brackets inside strings do not count. */
    cl_strbuf b = {0};
    cl_strbuf_add(&b, "[\"");
    for (int i = 0; i < 2000; i++)
        cl_strbuf_add(&b, "[\\\"{");
    cl_strbuf_add(&b, "\" oops]");
    write_file(dir, "compile_commands.json", cl_strbuf_str(&b));
    cl_strbuf_release(&b);
    CHECK(cl_compdb_load(&db, p, err, sizeof err) == -1);
    CHECK(strstr(err, "is not valid JSON: syntax error at line 1, column") != NULL);

    /* Exactly at the limit is fine (an array holding one array: not an
     * object, skipped). */
    b = (cl_strbuf){0};
    for (int i = 0; i < CJSON_NESTING_LIMIT; i++)
        cl_strbuf_add(&b, "[");
    for (int i = 0; i < CJSON_NESTING_LIMIT; i++)
        cl_strbuf_add(&b, "]");
    write_file(dir, "compile_commands.json", cl_strbuf_str(&b));
    cl_strbuf_release(&b);
    CHECK(cl_compdb_load(&db, p, err, sizeof err) == 0);
    CHECK(db.n == 0 && has_warning(&db, "entry 1: not an object"));
    cl_compdb_release(&db);
    free(p);
    remove_tree(dir);
    free(dir);
}

/* Entries whose file or directory does not exist are skipped at load time. */
static void test_missing_file_or_directory(void)
{
    cl_compdb db;
    char err[512];
    char *dir = make_tmpdir("compdb_test");
    write_file(dir, "src/here.c", "int h;\n");
    write_file(dir, "src/also.c", "int a;\n");
    write_file(dir, "src/sub/x.c", "int x;\n");
    char *json = joinf(
        "[{\"directory\": \"%s/src\", \"file\": \"here.c\", \"command\": \"cc -c here.c\"},"
        " {\"directory\": \"%s/gone\", \"file\": \"here.c\", \"command\": \"cc -c here.c\"},"
        " {\"directory\": \"%s/src\", \"file\": \"gone.c\", \"command\": \"cc -c gone.c\"},"
        " {\"directory\": \"%s/src/here.c\", \"file\": \"also.c\", \"command\": \"cc -c also.c\"},"
        " {\"directory\": \"%s/src\", \"file\": \"sub\", \"command\": \"cc -c sub\"},"
        " {\"directory\": \"%s/src\", \"file\": \"%s/src/also.c\", \"command\": \"cc -c also.c\"}]",
        dir, dir, dir, dir, dir, dir, dir);
    write_file(dir, "compile_commands.json", json);
    free(json);
    CHECK(cl_compdb_load(&db, dir, err, sizeof err) == 0);
    CHECK(db.n == 2);
    char *want = joinf("entry 2 (here.c): no such directory '%s/gone', skipped", dir);
    CHECK(has_warning(&db, want));
    free(want);
    want = joinf("entry 3 (gone.c): no such file '%s/src/gone.c', skipped", dir);
    CHECK(has_warning(&db, want));
    free(want);
    want = joinf("entry 4 (also.c): no such directory '%s/src/here.c', skipped", dir);
    CHECK(has_warning(&db, want));
    free(want);
    want = joinf("entry 5 (sub): '%s/src/sub' is a directory, not a file, skipped", dir);
    CHECK(has_warning(&db, want));
    free(want);
    CHECK(db.nwarnings == 4);
    if (t_all()->fails)
        dump(&db);
    cl_compdb_release(&db);
    remove_tree(dir);
    free(dir);
}

static void test_large(void)
{
    enum { N = 5000 };
    cl_compdb db;
    char err[512];
    char *dir = make_tmpdir("compdb_test");
    cl_strbuf b = {0};
    cl_strbuf_add(&b, "[");
    for (int i = 0; i < N; i++) {
        char name[64];
        snprintf(name, sizeof name, "big/src/f%d.c", i);
        write_file(dir, name, "");
        cl_strbuf_addf(&b,
                       "%s{\"directory\": \"%s/big\", \"file\": \"src/f%d.c\","
                       " \"command\": \"cc -Iinclude -DN=%d -O2 -c src/f%d.c -o f%d.o\"}",
                       i ? ",\n" : "", dir, i, i, i, i);
    }
    cl_strbuf_add(&b, "]\n");
    write_file(dir, "compile_commands.json", cl_strbuf_str(&b));
    cl_strbuf_release(&b);
    CHECK(cl_compdb_load(&db, dir, err, sizeof err) == 0);
    CHECK(db.n == N);
    CHECK(db.nwarnings == 0);
    char *want = joinf("%s/big/src/f4999.c", dir);
    const cl_compile_cmd *c = cl_compdb_find(&db, want);
    free(want);
    CHECK(c != NULL);
    if (c != NULL) {
        CHECK(c->nargs == 3);
        want = joinf("-I%s/big/include", dir);
        CHECK(has_arg(c, want));
        free(want);
        CHECK(has_arg(c, "-DN=4999"));
    }
    cl_compdb_release(&db);
    remove_tree(dir);
    free(dir);
}

static void test_discover_and_add(void)
{
    char *dir = make_tmpdir("compdb_test");
    CHECK(cl_compdb_discover(dir) == NULL);
    write_file(dir, "build/compile_commands.json", "[]");
    char *p = cl_compdb_discover(dir);
    char *want = joinf("%s/build/compile_commands.json", dir);
    CHECK_STR(p, want);
    free(p);
    free(want);
    write_file(dir, "compile_commands.json", "[]");
    p = cl_compdb_discover(dir);
    want = joinf("%s/compile_commands.json", dir);
    CHECK_STR(p, want);
    free(p);
    free(want);

    cl_compdb db = {0};
    char e1[] = "-Iinclude", e2[] = "-DFOO";
    char *extra[] = {e1, e2};
    cl_compdb_add_file(&db, "src/../x.c", "/w", extra, 2);
    CHECK(cl_compdb_find(&db, "/w/x.c") == &db.cmds[0]);
    cl_compdb_add_file(&db, "y.c", NULL, NULL, 0);
    CHECK(db.n == 2);
    if (db.n == 2) {
        CHECK_STR(db.cmds[0].file, "/w/x.c");
        CHECK_STR(db.cmds[0].directory, "/w");
        CHECK(db.cmds[0].nargs == 2);
        CHECK_STR(db.cmds[0].args[0], "-Iinclude");
        CHECK(db.cmds[0].args[2] == NULL);
        CHECK(db.cmds[1].file[0] == '/');
        CHECK(db.cmds[1].nargs == 0 && db.cmds[1].args[0] == NULL);
    }
    cl_compdb_release(&db);
    remove_tree(dir);
    free(dir);
}

/* The language of an entry: by the last -x (any spelling; "none" resets),
 * else by extension; C (NULL) for .c, .h, .i and unknown extensions. */
static const char *language_of(const char *file, const char *a0, const char *a1,
                               const char *a2)
{
    char *args[] = { (char *)a0, (char *)a1, (char *)a2, NULL };
    size_t n = 0;
    while (n < 3 && args[n] != NULL)
        n++;
    cl_compile_cmd cmd = { (char *)file, (char *)"/w", n, args, 0, NULL };
    return cl_compile_cmd_language(&cmd);
}

static void test_language(void)
{
    CHECK(language_of("/w/a.c", NULL, NULL, NULL) == NULL);
    CHECK(language_of("/w/a.h", NULL, NULL, NULL) == NULL);
    CHECK(language_of("/w/a.i", NULL, NULL, NULL) == NULL);
    /* any other name is not C to the compiler driver (linker input) */
    CHECK(language_of("/w/a.inc", NULL, NULL, NULL) != NULL);
    CHECK(language_of("/w/Makefile", NULL, NULL, NULL) != NULL);
    CHECK(language_of("/w/x.d/a", NULL, NULL, NULL) != NULL);
    CHECK(language_of("/w/script.sh", NULL, NULL, NULL) != NULL);
    CHECK(language_of("/w/a.inc", "-x", "c", NULL) == NULL);
    CHECK_STR(language_of("/w/a.S", NULL, NULL, NULL), "assembler");
    CHECK_STR(language_of("/w/a.s", NULL, NULL, NULL), "assembler");
    CHECK_STR(language_of("/w/a.C", NULL, NULL, NULL), "C++");
    CHECK_STR(language_of("/w/a.cc", NULL, NULL, NULL), "C++");
    CHECK_STR(language_of("/w/a.cpp", NULL, NULL, NULL), "C++");
    CHECK_STR(language_of("/w/a.cxx", NULL, NULL, NULL), "C++");
    CHECK_STR(language_of("/w/a.m", NULL, NULL, NULL), "Objective-C");
    CHECK_STR(language_of("/w/a.mm", NULL, NULL, NULL), "Objective-C++");
    CHECK_STR(language_of("/w/a.cu", NULL, NULL, NULL), "CUDA");
    CHECK_STR(language_of("/w/a.c", "-x", "c++", NULL), "C++");
    CHECK_STR(language_of("/w/a.c", "-xassembler-with-cpp", NULL, NULL), "assembler");
    CHECK_STR(language_of("/w/a.c", "--language=objective-c", NULL, NULL), "Objective-C");
    CHECK_STR(language_of("/w/a.c", "--language", "cuda", NULL), "CUDA");
    CHECK_STR(language_of("/w/a.c", "-x", "pascal", NULL), "another language (-x)");
    CHECK(language_of("/w/a.cpp", "-x", "c", NULL) == NULL);
    CHECK(language_of("/w/a.hpp", "-xc-header", NULL, NULL) == NULL);
    CHECK(language_of("/w/a.c", "-x", "c++", "-xnone") == NULL);
    CHECK_STR(language_of("/w/a.S", "-x", "c", "-xnone"), "assembler");
    CHECK(language_of("/w/a.c", "-x", NULL, NULL) == NULL); /* -x without a value */
}

int main(void)
{
    test_normalize();
    test_unreadable();
    test_wrong_shapes();
    test_malformed_entries();
    test_command_split();
    test_arguments_and_drops();
    test_relative_directory_and_duplicates();
    test_build_variants();
    test_other_language_first();
    test_response_files();
    test_plugins();
    test_plugin_spellings();
    test_response_file_confinement();
    test_deep_nesting();
    test_missing_file_or_directory();
    test_large();
    test_discover_and_add();
    test_language();
    return t_finish("compdb_test", t_all());
}
