/* config_test.c - unit tests for config.c: the upward search, every class of
 * configuration error (each must give -1 and name the file and the key), rule
 * levels, pattern queries, include/exclude, call specs and --print-config.
 *
 * Every test works in a fresh temporary directory. Exit status 0 when all
 * checks pass, 1 otherwise; each failed check prints its line.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "util/arena.h"
#include "analysis/callspec.h"
#include "cli/compdb.h"
#include "cli/config.h"
#include "rule.h"
#include "testutil.h"

static char *tmpdir;

/* Writes `json` to TMP/.conc-lint.json and returns the path (static). */
static const char *write_config(const char *json)
{
    static char path[4096];
    snprintf(path, sizeof path, "%s/%s", tmpdir, CL_CONFIG_FILENAME);
    write_bytes(path, json, strlen(json));
    return path;
}

static int is_default(const cl_config *cfg)
{
    return cfg->path == NULL && cfg->rules.n == 0 && cfg->handlers.n == 0 &&
           cfg->spawn_functions.n == 0 && cfg->sleep_functions.n == 0 &&
           cfg->include.n == 0 && cfg->exclude.n == 0 && !cfg->libc_posix;
}

/* Loads `json`; expects failure with an error containing the config path,
 * then ": ", and `needle` (e.g. "key 'rules.CL999': unknown rule"). */
static void expect_error(int line, const char *json, const char *needle)
{
    cl_config cfg;
    char err[512];
    const char *path = write_config(json);
    int rc = cl_config_load(&cfg, path, err, sizeof err);
    char *want = joinf("%s: %s", path, needle);
    if (rc != -1) {
        fprintf(stderr, "%s:%d: load of %s succeeded, want error '%s'\n", __FILE__, line,
                json, needle);
        t_all()->fails++;
    } else if (strstr(err, want) == NULL) {
        fprintf(stderr, "%s:%d: error '%s' does not contain '%s'\n", __FILE__, line, err, want);
        t_all()->fails++;
    }
    if (!is_default(&cfg)) {
        fprintf(stderr, "%s:%d: config not reset to defaults after a failed load\n",
                __FILE__, line);
        t_all()->fails++;
    }
    if (strchr(err, '\n') != NULL) {
        fprintf(stderr, "%s:%d: error has a newline: '%s'\n", __FILE__, line, err);
        t_all()->fails++;
    }
    cl_config_release(&cfg);
    free(want);
}
#define EXPECT_ERROR(json, needle) expect_error(__LINE__, json, needle)

/* Invalid JSON is reported as "PATH:LINE:COL: invalid JSON". */
static void expect_json_error(int line, const char *json, unsigned eline, unsigned ecol)
{
    cl_config cfg;
    char err[512];
    const char *path = write_config(json);
    char *want = joinf("%s:%u:%u: invalid JSON", path, eline, ecol);
    if (cl_config_load(&cfg, path, err, sizeof err) != -1 || strcmp(err, want) != 0) {
        fprintf(stderr, "%s:%d: error '%s', want '%s'\n", __FILE__, line, err, want);
        t_all()->fails++;
    }
    if (!is_default(&cfg)) {
        fprintf(stderr, "%s:%d: config not reset after a failed load\n", __FILE__, line);
        t_all()->fails++;
    }
    free(want);
}

static void test_errors(void)
{
    /* invalid JSON: file:line:col */
    expect_json_error(__LINE__, "{\n  \"version\": 1,\n  \"rules\": {\"CL002\": }\n}", 3, 22);
    expect_json_error(__LINE__, "", 1, 1);
    expect_json_error(__LINE__, "{} trailing", 1, 4);
    expect_json_error(__LINE__, "{\"a\": [1, 2,]}", 1, 13);
    {
        cl_config cfg;
        char err[512];
        const char *path = write_config("{\n  \"version\": 1,\n  \"rules\": {\"CL002\": }\n}");
        char *want = joinf("%s:3:", path);
        CHECK(cl_config_load(&cfg, path, err, sizeof err) == -1);
        CHECK(strncmp(err, want, strlen(want)) == 0);
        CHECK(strstr(err, "invalid JSON") != NULL);
        free(want);
    }
    EXPECT_ERROR("[1, 2]", "expected a JSON object at the top level, got an array");
    {
        /* a NUL byte inside */
        cl_config cfg;
        char err[512];
        const char *path = write_config("");
        write_bytes(path, "{}\0{\"x\":1}", 10);
        CHECK(cl_config_load(&cfg, path, err, sizeof err) == -1);
        CHECK(strstr(err, "invalid JSON") != NULL);
    }

    /* unknown keys, at every level */
    EXPECT_ERROR("{\"rulez\": {}}", "key 'rulez': unknown key");
    EXPECT_ERROR("{\"spawn_functions\": [{\"name\": \"t\", \"start_routine_arg\": 1, \"stack\": 2}]}",
                 "key 'spawn_functions[0].stack': unknown key");
    EXPECT_ERROR("{\"rules\": {\"CL002\": {\"level\": \"note\", \"severity\": 1}}}",
                 "key 'rules.CL002.severity': unknown key");
    EXPECT_ERROR("{\"lock_functions\": [{\"name\": \"l\", \"lock_arg\": 0, \"x\": 0}]}",
                 "key 'lock_functions[0].x': unknown key");

    /* wrong types */
    EXPECT_ERROR("{\"handlers\": \"^handle_\"}", "key 'handlers': expected an array");
    EXPECT_ERROR("{\"handlers\": [\"a\", 3]}", "key 'handlers[1]': expected a regex string, got a number");
    EXPECT_ERROR("{\"version\": \"1\"}", "key 'version': expected the number 1, got a string");
    EXPECT_ERROR("{\"rules\": []}", "key 'rules': expected an object");
    EXPECT_ERROR("{\"rules\": {\"CL002\": true}}", "key 'rules.CL002': expected a level string or an object, got a boolean");
    EXPECT_ERROR("{\"spawn_functions\": {}}", "key 'spawn_functions': expected an array of objects, got an object");
    EXPECT_ERROR("{\"spawn_functions\": [\"t\"]}", "key 'spawn_functions[0]': expected an object, got a string");
    EXPECT_ERROR("{\"spawn_functions\": [{\"name\": \"t\", \"start_routine_arg\": \"1\"}]}",
                 "key 'spawn_functions[0].start_routine_arg': expected an argument index");
    EXPECT_ERROR("{\"lock_functions\": [{\"name\": 5, \"lock_arg\": 0}]}",
                 "key 'lock_functions[0].name': expected a function name string, got a number");
    EXPECT_ERROR("{\"sleep_functions\": [null]}",
                 "key 'sleep_functions[0]': expected a function name string, got null");
    EXPECT_ERROR("{\"unlock_functions\": [{\"name\": \"u\", \"lock_arg\": 1.5}]}",
                 "key 'unlock_functions[0].lock_arg': expected an argument index from 0 to 63, got 1.5");
    EXPECT_ERROR("{\"lock_functions\": [{\"name\": \"l\", \"lock_arg\": -1}]}",
                 "key 'lock_functions[0].lock_arg': expected an argument index from 0 to 63, got -1");
    EXPECT_ERROR("{\"version\": 2}", "key 'version': unsupported version 2");
    EXPECT_ERROR("{\"libc\": \"musl\"}", "key 'libc': expected \"glibc\" or \"posix\", got another string");
    EXPECT_ERROR("{\"libc\": 1}", "key 'libc': expected \"glibc\" or \"posix\", got a number");
    EXPECT_ERROR("{\"event_loops\": 1}", "key 'event_loops': expected true or false, got a number");

    /* bad regex */
    EXPECT_ERROR("{\"handlers\": [\"^ok$\", \"(unclosed\"]}", "key 'handlers[1]': invalid regex at offset 9: missing closing parenthesis");
    EXPECT_ERROR("{\"exclude\": [\"[z-a]\"]}", "key 'exclude[0]': invalid regex");
    EXPECT_ERROR("{\"include\": [\"a**\"]}", "key 'include[0]': invalid regex");
    EXPECT_ERROR("{\"registration_apis\": [\"\\\\\"]}", "key 'registration_apis[0]': invalid regex");

    /* unknown rule, bad level */
    EXPECT_ERROR("{\"rules\": {\"CL999\": \"off\"}}", "key 'rules.CL999': unknown rule");
    EXPECT_ERROR("{\"rules\": {\"cl0002\": \"off\"}}", "key 'rules.cl0002': unknown rule");
    EXPECT_ERROR("{\"rules\": {\"CL002\": \"warn\"}}",
                 "key 'rules.CL002': unknown level 'warn' (want off, note, warning or error)");
    EXPECT_ERROR("{\"rules\": {\"CL002\": \"none\"}}", "key 'rules.CL002': unknown level 'none'");
    EXPECT_ERROR("{\"rules\": {\"CL002\": {\"level\": \"fatal\"}}}",
                 "key 'rules.CL002.level': unknown level 'fatal'");
    EXPECT_ERROR("{\"rules\": {\"CL002\": {}}}", "key 'rules.CL002': missing required key 'level'");

    /* duplicates and conflicts */
    EXPECT_ERROR("{\"rules\": {}, \"rules\": {}}", "key 'rules': duplicate key");
    EXPECT_ERROR("{\"rules\": {\"CL002\": \"off\", \"CL002\": \"note\"}}", "key 'rules.CL002': duplicate key");
    EXPECT_ERROR("{\"rules\": {\"CL002\": \"off\", \"unguarded-shared-state\": \"note\"}}",
                 "key 'rules.unguarded-shared-state': rule 'CL002' (unguarded-shared-state) is configured twice");
    EXPECT_ERROR("{\"lock_functions\": [{\"name\": \"my_lock\", \"lock_arg\": 0}],"
                 " \"unlock_functions\": [{\"name\": \"my_lock\", \"lock_arg\": 0}]}",
                 "key 'unlock_functions[0].name': 'my_lock' is already configured at 'lock_functions[0].name'");
    EXPECT_ERROR("{\"sleep_functions\": [\"msleep\", \"msleep\"]}",
                 "key 'sleep_functions[1]': 'msleep' is already configured at 'sleep_functions[0]'");

    /* required keys, argument clashes, names */
    EXPECT_ERROR("{\"spawn_functions\": [{\"name\": \"t\"}]}",
                 "key 'spawn_functions[0]': missing required key 'start_routine_arg'");
    EXPECT_ERROR("{\"lock_functions\": [{\"lock_arg\": 0}]}",
                 "key 'lock_functions[0]': missing required key 'name'");
    EXPECT_ERROR("{\"spawn_functions\": [{\"name\": \"t\", \"start_routine_arg\": 1, \"arg_arg\": 1}]}",
                 "key 'spawn_functions[0].arg_arg': same argument as 'start_routine_arg'");
    EXPECT_ERROR("{\"spawn_functions\": [{\"name\": \"t\", \"start_routine_arg\": 1, \"arg_arg\": 2, \"handle_arg\": 2}]}",
                 "key 'spawn_functions[0].handle_arg': same argument as 'arg_arg'");
    EXPECT_ERROR("{\"sleep_functions\": [\"my sleep\"]}",
                 "key 'sleep_functions[0]': 'my sleep' is not a C function name");
    EXPECT_ERROR("{\"sleep_functions\": [\"\"]}", "key 'sleep_functions[0]': '' is not a C function name");

    /* unreadable */
    {
        cl_config cfg;
        char err[512];
        char *missing = joinf("%s/nope/.conc-lint.json", tmpdir);
        CHECK(cl_config_load(&cfg, missing, err, sizeof err) == -1);
        char *want = joinf("%s: cannot read: ", missing);
        CHECK(strncmp(err, want, strlen(want)) == 0);
        CHECK(is_default(&cfg));
        free(want);
        free(missing);
        /* a directory */
        CHECK(cl_config_load(&cfg, tmpdir, err, sizeof err) == -1);
        CHECK(strstr(err, "cannot read") != NULL);
        /* too large */
        const char *path = write_config("");
        size_t big = CL_CONFIG_MAX_BYTES + 10;
        char *buf = cl_xmalloc(big);
        memset(buf, ' ', big);
        buf[0] = '{';
        buf[big - 1] = '}';
        write_bytes(path, buf, big);
        free(buf);
        CHECK(cl_config_load(&cfg, path, err, sizeof err) == -1);
        CHECK(strstr(err, "larger than") != NULL);
        /* a tiny error buffer is not overrun */
        char small[8];
        memset(small, 'x', sizeof small);
        write_config("{\"rules\": {\"CL999\": \"off\"}}");
        CHECK(cl_config_load(&cfg, path, small, sizeof small) == -1);
        CHECK(small[7] == '\0');
    }
}

static const char full_config[] =
    "{\n"
    "  \"version\": 1,\n"
    "  \"rules\": {\n"
    "    \"CL002\": \"error\",\n"
    "    \"sleep-coordination\": \"off\",\n"
    "    \"CL004\": { \"level\": \"note\" }\n"
    "  },\n"
    "  \"handlers\": [\"^handle_\", \"_cb$\"],\n"
    "  \"registration_apis\": [\"^event_(add|register)$\"],\n"
    "  \"spawn_functions\": [\n"
    "    { \"name\": \"my_thread_start\", \"start_routine_arg\": 1, \"arg_arg\": 2, \"handle_arg\": 0 },\n"
    "    { \"name\": \"fire_and_forget\", \"start_routine_arg\": 0 }\n"
    "  ],\n"
    "  \"lock_functions\": [ { \"name\": \"my_lock\", \"lock_arg\": 0 } ],\n"
    "  \"unlock_functions\": [ { \"name\": \"my_unlock\", \"lock_arg\": 1 } ],\n"
    "  \"sleep_functions\": [\"msleep\", \"ssleep\"],\n"
    "  \"include\": [\"^src/\", \"^lib/\"],\n"
    "  \"exclude\": [\"/generated/\", \"_test\\\\.c$\"]\n"
    "}\n";

static void test_load_and_query(void)
{
    cl_config cfg;
    char err[512] = "";
    const char *path = write_config(full_config);
    size_t i002 = 0, i003 = 0, i004 = 0, i001 = 0;

    CHECK(cl_rule_find("CL001", &i001) != NULL);
    CHECK(cl_rule_find("CL002", &i002) != NULL);
    CHECK(cl_rule_find("CL003", &i003) != NULL);
    CHECK(cl_rule_find("CL004", &i004) != NULL);
    size_t lower = SIZE_MAX; /* ids match in any case */
    CHECK(cl_rule_find("cl004", &lower) != NULL && lower == i004);

    int rc = cl_config_load(&cfg, path, err, sizeof err);
    CHECK(rc == 0);
    if (rc != 0) {
        fprintf(stderr, "  error: %s\n", err);
        return;
    }
    CHECK_STR(cfg.path, path);
    CHECK_STR(cfg.root, tmpdir);

    /* levels */
    CHECK(cl_config_rule_level(&cfg, i002, CL_LEVEL_WARNING) == CL_LEVEL_ERROR);
    CHECK(cl_config_rule_level(&cfg, i003, CL_LEVEL_WARNING) == CL_LEVEL_NONE);
    CHECK(cl_config_rule_level(&cfg, i004, CL_LEVEL_WARNING) == CL_LEVEL_NOTE);
    CHECK(cl_config_rule_level(&cfg, i001, CL_LEVEL_WARNING) == CL_LEVEL_WARNING);
    CHECK(cl_config_rule_level(&cfg, i001, CL_LEVEL_ERROR) == CL_LEVEL_ERROR);

    /* handlers and registration APIs: unanchored search, anchors honoured */
    CHECK(cl_config_is_handler(&cfg, "handle_get"));
    CHECK(cl_config_is_handler(&cfg, "on_read_cb"));
    CHECK(!cl_config_is_handler(&cfg, "my_handle_get"));
    CHECK(!cl_config_is_handler(&cfg, "on_read_cb2"));
    CHECK(!cl_config_is_handler(&cfg, ""));
    CHECK(cl_config_is_registration_api(&cfg, "event_add"));
    CHECK(cl_config_is_registration_api(&cfg, "event_register"));
    CHECK(!cl_config_is_registration_api(&cfg, "event_add_timer"));
    CHECK(!cl_config_is_registration_api(&cfg, "handle_get"));

    /* include/exclude: relative to the config's folder */
    char *p;
    p = joinf("%s/src/net.c", tmpdir);
    CHECK(cl_config_path_selected(&cfg, p));
    free(p);
    p = joinf("%s/lib/x/../util.c", tmpdir); /* normalized first */
    CHECK(cl_config_path_selected(&cfg, p));
    free(p);
    p = joinf("%s/tools/gen.c", tmpdir);     /* not included */
    CHECK(!cl_config_path_selected(&cfg, p));
    free(p);
    p = joinf("%s/src/generated/tab.c", tmpdir); /* excluded beats included */
    CHECK(!cl_config_path_selected(&cfg, p));
    free(p);
    p = joinf("%s/src/net_test.c", tmpdir);
    CHECK(!cl_config_path_selected(&cfg, p));
    free(p);
    CHECK(!cl_config_path_selected(&cfg, "/elsewhere/src/a.c")); /* absolute: '^src/' fails */
    {
        /* relative paths are taken against the working directory */
        char *old = getcwd(NULL, 0);
        CHECK(chdir(tmpdir) == 0);
        CHECK(cl_config_path_selected(&cfg, "src/a.c"));
        CHECK(cl_config_path_selected(&cfg, "./src/a.c"));
        CHECK(!cl_config_path_selected(&cfg, "tools/a.c"));
        CHECK(chdir(old) == 0);
        free(old);
    }

    /* call specs */
    cl_callspecs specs = {0};
    cl_config_add_callspecs(&cfg, &specs);
    CHECK(specs.nextra > 6); /* (and the glibc entries after the configured ones) */
    CHECK(strcmp(specs.extra[5].name, "ssleep") == 0 || strcmp(specs.extra[5].name, "msleep") == 0);
    const cl_callspec *s = cl_callspec_find(&specs, "my_thread_start");
    CHECK(s != NULL && s->kind == CL_CK_SPAWN && s->obj == 0 && s->func == 1 && s->data == 2);
    s = cl_callspec_find(&specs, "fire_and_forget");
    CHECK(s != NULL && s->kind == CL_CK_SPAWN && s->obj == -1 && s->func == 0 && s->data == -1);
    s = cl_callspec_find(&specs, "my_lock");
    CHECK(s != NULL && s->kind == CL_CK_LOCK && s->obj == 0);
    s = cl_callspec_find(&specs, "my_unlock");
    CHECK(s != NULL && s->kind == CL_CK_UNLOCK && s->obj == 1);
    s = cl_callspec_find(&specs, "msleep");
    CHECK(s != NULL && s->kind == CL_CK_SLEEP);
    s = cl_callspec_find(&specs, "ssleep");
    CHECK(s != NULL && s->kind == CL_CK_SLEEP);
    CHECK(cl_callspec_find(&specs, "my_thread_stop") == NULL);
    cl_callspecs_release(&specs);

    /* --print-config round trip: the printed config loads to the same one */
    char *out1 = joinf("%s/print1.json", tmpdir), *out2 = joinf("%s/print2.json", tmpdir);
    FILE *fp = fopen(out1, "w");
    cl_config_print(&cfg, fp);
    fclose(fp);
    cl_config again;
    CHECK(cl_config_load(&again, out1, err, sizeof err) == 0);
    fp = fopen(out2, "w");
    cl_config_print(&again, fp);
    fclose(fp);
    {
        char b1[8192] = "", b2[8192] = "";
        FILE *f1 = fopen(out1, "r"), *f2 = fopen(out2, "r");
        size_t n1 = fread(b1, 1, sizeof b1 - 1, f1), n2 = fread(b2, 1, sizeof b2 - 1, f2);
        fclose(f1);
        fclose(f2);
        CHECK(n1 == n2 && memcmp(b1, b2, n1) == 0);
        CHECK(strstr(b1, "\"CL003\":\t\"off\"") != NULL);
        CHECK(strstr(b1, "\"CL001\":\t\"warning\"") != NULL || strstr(b1, "\"CL001\":\t\"error\"") != NULL ||
              strstr(b1, "\"CL001\":\t\"note\"") != NULL);
        CHECK(strstr(b1, "\"handle_arg\":\tnull") != NULL);
        CHECK(strstr(b1, "_test\\\\.c$") != NULL);
        CHECK(n1 > 0 && b1[n1 - 1] == '\n');
    }
    cl_config_release(&again);
    free(out1);
    free(out2);

    cl_config_release(&cfg);
    CHECK(is_default(&cfg));
    cl_config_release(&cfg); /* twice is harmless */
}

static void test_defaults(void)
{
    cl_config cfg;
    cl_config_init(&cfg);
    CHECK(is_default(&cfg));
    CHECK(cfg.version == CL_CONFIG_VERSION);
    CHECK(cl_config_rule_level(&cfg, 0, CL_LEVEL_WARNING) == CL_LEVEL_WARNING);
    CHECK(cl_config_path_selected(&cfg, "/any/where.c"));
    CHECK(cl_config_path_selected(&cfg, "rel.c"));
    CHECK(!cl_config_is_handler(&cfg, "handle_get"));
    CHECK(!cl_config_is_registration_api(&cfg, "event_add"));
    /* "libc": "glibc" by default: what glibc makes thread-safe is not
     * MT-unsafe (the built-in entry still is); "posix" keeps the table */
    cl_callspecs specs = {0};
    cl_config_add_callspecs(&cfg, &specs);
    const cl_callspec *strerror_spec = cl_callspec_find(&specs, "strerror");
    CHECK(strerror_spec != NULL && !(strerror_spec->flags & CL_CS_MT_UNSAFE));
    CHECK(cl_callspec_find(NULL, "strerror")->flags & CL_CS_MT_UNSAFE);
    CHECK(cl_callspec_find(&specs, "localtime")->flags & CL_CS_MT_UNSAFE);
    cl_callspecs_release(&specs);
    char lerr[256];
    CHECK(cl_config_load(&cfg, write_config("{\"libc\": \"posix\"}"), lerr, sizeof lerr) == 0);
    cl_config_add_callspecs(&cfg, &specs);
    CHECK(specs.nextra == 0);
    CHECK(cl_callspec_find(&specs, "strerror")->flags & CL_CS_MT_UNSAFE);
    cl_callspecs_release(&specs);
    cl_config_release(&cfg);
    cl_config_init(&cfg);

    /* "event_loops": off by default, the event-loop library calls are
     * unknown (the thread and lock calls of libuv are not event loops) */
    CHECK(!cfg.event_loops);
    cl_config_add_callspecs(&cfg, &specs);
    CHECK(cl_callspec_find(&specs, "event_base_dispatch") == NULL);
    CHECK(cl_callspec_find(NULL, "uv_run") == NULL);
    CHECK(cl_callspec_find(&specs, "uv_mutex_lock")->kind == CL_CK_LOCK);
    cl_callspecs_release(&specs);
    CHECK(cl_config_load(&cfg, write_config("{\"event_loops\": true}"), lerr, sizeof lerr) == 0);
    CHECK(cfg.event_loops);
    cl_config_add_callspecs(&cfg, &specs);
    CHECK(cl_callspec_find(&specs, "event_base_dispatch")->kind == CL_CK_EV_DISPATCH);
    CHECK(cl_callspec_find(&specs, "event_assign")->kind == CL_CK_EV_REGISTER);
    cl_callspecs_release(&specs);
    cl_config_release(&cfg);
    cl_config_init(&cfg);

    /* the defaults print every rule at its default level */
    char *out = joinf("%s/defaults.json", tmpdir);
    FILE *fp = fopen(out, "w");
    cl_config_print(&cfg, fp);
    fclose(fp);
    cl_config loaded;
    char err[512];
    CHECK(cl_config_load(&loaded, out, err, sizeof err) == 0);
    for (size_t i = 0; i < cl_nrules; i++)
        CHECK(cl_config_rule_level(&loaded, i, CL_LEVEL_NONE) == cl_rules[i]->default_level ||
              (cl_rules[i]->default_level == CL_LEVEL_NONE));
    CHECK(loaded.rules.n == cl_nrules);
    cl_config_release(&loaded);
    free(out);

    /* an empty object is a valid config, same as the defaults */
    const char *path = write_config("{ }\n");
    CHECK(cl_config_load(&cfg, path, err, sizeof err) == 0);
    CHECK(cfg.rules.n == 0 && cfg.handlers.n == 0);
    CHECK(cl_config_path_selected(&cfg, "/x.c"));
    cl_config_release(&cfg);
    cl_config_release(&cfg);
}

static void test_find(void)
{
    char *a = joinf("%s/a", tmpdir), *b = joinf("%s/a/b", tmpdir), *c = joinf("%s/a/b/c", tmpdir);
    char *cfg_a = joinf("%s/a/%s", tmpdir, CL_CONFIG_FILENAME);
    char *dir_b = joinf("%s/a/b/%s", tmpdir, CL_CONFIG_FILENAME);
    char *found = NULL;

    CHECK(mkdir(a, 0700) == 0 && mkdir(b, 0700) == 0 && mkdir(c, 0700) == 0);
    /* none in the tree below tmpdir/a yet (tmpdir itself has one from the
     * other tests, so remove it) */
    char *top = joinf("%s/%s", tmpdir, CL_CONFIG_FILENAME);
    unlink(top);
    int r = cl_config_find(c, &found, NULL);
    CHECK(r == 0 || (found != NULL && strncmp(found, tmpdir, strlen(tmpdir)) != 0));
    CHECK((r == 0) == (found == NULL));
    free(found);

    write_bytes(cfg_a, "{}", 2);
    CHECK(mkdir(dir_b, 0700) == 0); /* a directory of that name is skipped */
    CHECK(cl_config_find(c, &found, NULL) == 1);
    CHECK_STR(found, cfg_a);
    free(found);
    CHECK(cl_config_find(a, &found, NULL) == 1);
    CHECK_STR(found, cfg_a);
    free(found);
    {
        /* relative start and NULL (the working directory) */
        char *old = getcwd(NULL, 0);
        CHECK(chdir(b) == 0);
        CHECK(cl_config_find("c/..", &found, NULL) == 1);
        CHECK_STR(found, cfg_a);
        free(found);
        CHECK(cl_config_find(NULL, &found, NULL) == 1);
        CHECK_STR(found, cfg_a);
        free(found);
        CHECK(chdir(old) == 0);
        free(old);
    }
    /* the nearest one wins */
    char *cfg_c = joinf("%s/%s", c, CL_CONFIG_FILENAME);
    write_bytes(cfg_c, "{}", 2);
    CHECK(cl_config_find(c, &found, NULL) == 1);
    CHECK_STR(found, cfg_c);
    free(found);

    unlink(cfg_c);
    rmdir(dir_b);
    unlink(cfg_a);
    free(a);
    free(b);
    free(c);
    free(cfg_a);
    free(cfg_c);
    free(dir_b);
    free(top);
}

static void test_pathological_pattern(void)
{
    cl_config cfg;
    char err[512];
    const char *path = write_config("{\"handlers\": [\"^(a+)+$\"]}");
    CHECK(cl_config_load(&cfg, path, err, sizeof err) == 0);
    char name[64];
    memset(name, 'a', sizeof name - 2);
    name[sizeof name - 2] = 'b';
    name[sizeof name - 1] = '\0';
    time_t t0 = time(NULL);
    CHECK(!cl_config_is_handler(&cfg, name)); /* catastrophic backtracking is cut off */
    CHECK(time(NULL) - t0 < 10);
    CHECK(cl_config_is_handler(&cfg, "aaaa"));
    cl_config_release(&cfg);
}

/* The search stops at a repository root (.git directory or file) and at
 * $HOME, and passes over a file another user owns. */
static void test_find_bounds(void)
{
    char *top = joinf("%s/%s", tmpdir, CL_CONFIG_FILENAME);
    char *repo = joinf("%s/repo", tmpdir), *sub = joinf("%s/repo/sub", tmpdir);
    char *git = joinf("%s/repo/.git", tmpdir);
    char *home = joinf("%s/home", tmpdir), *hsub = joinf("%s/home/proj", tmpdir);
    char *found = NULL, *ignored = NULL;
    write_bytes(top, "{}", 2);
    CHECK(mkdir(repo, 0700) == 0 && mkdir(sub, 0700) == 0 && mkdir(home, 0700) == 0 &&
          mkdir(hsub, 0700) == 0);
    /* without a bound the file above is found */
    CHECK(cl_config_find(sub, &found, NULL) == 1);
    CHECK_STR(found, top);
    free(found);
    /* a .git directory, then a .git file (a worktree), ends the search */
    CHECK(mkdir(git, 0700) == 0);
    CHECK(cl_config_find(sub, &found, NULL) == 0 && found == NULL);
    CHECK(rmdir(git) == 0);
    write_bytes(git, "gitdir: /elsewhere\n", 19);
    CHECK(cl_config_find(sub, &found, NULL) == 0 && found == NULL);
    /* the repository root's own file is still found */
    char *inrepo = joinf("%s/%s", repo, CL_CONFIG_FILENAME);
    write_bytes(inrepo, "{}", 2);
    CHECK(cl_config_find(sub, &found, NULL) == 1);
    CHECK_STR(found, inrepo);
    free(found);
    /* $HOME ends it too */
    char *old_home = getenv("HOME") ? cl_xstrdup(getenv("HOME")) : NULL;
    setenv("HOME", home, 1);
    CHECK(cl_config_find(hsub, &found, NULL) == 0 && found == NULL);
    if (old_home != NULL)
        setenv("HOME", old_home, 1);
    else
        unsetenv("HOME");
    free(old_home);
    CHECK(cl_config_find(hsub, &found, NULL) == 1);
    CHECK_STR(found, top);
    free(found);
    /* a file another user owns is passed over (needs root to chown) */
    if (geteuid() == 0) {
        char *planted = joinf("%s/%s", home, CL_CONFIG_FILENAME);
        write_bytes(planted, "{}", 2);
        CHECK(chown(planted, 65534, 65534) == 0);
        CHECK(cl_config_find(hsub, &found, &ignored) == 1);
        CHECK_STR(found, top);
        CHECK_STR(ignored, planted);
        free(found);
        free(ignored);
        CHECK(chown(planted, 0, 0) == 0);
        CHECK(cl_config_find(hsub, &found, &ignored) == 1 && ignored == NULL);
        CHECK_STR(found, planted);
        free(found);
        unlink(planted);
        free(planted);
    }
    unlink(inrepo);
    unlink(git);
    unlink(top);
    rmdir(sub);
    rmdir(repo);
    rmdir(hsub);
    rmdir(home);
    free(inrepo);
    free(top);
    free(repo);
    free(sub);
    free(git);
    free(home);
    free(hsub);
}

int main(void)
{
    char *raw = make_tmpdir("config_test");
    /* cl_config stores normalized paths; compare against the same form. */
    tmpdir = cl_path_normalize(raw, NULL);
    free(raw);

    test_defaults();
    test_errors();
    test_load_and_query();
    test_pathological_pattern();
    test_find();
    test_find_bounds();

    remove_tree(tmpdir);
    free(tmpdir);
    return t_finish("config_test", t_all());
}
