/* config.c - see config.h; the schema is documented in docs/config.md.
 *
 * Loading is one pass over the cJSON tree with a key path kept beside it, so
 * every error names the file, the key ('spawn_functions[1].lock_arg') and
 * what is wrong. The first error stops the load; `cfg` is then released back
 * to the defaults, so a failed load never leaves half a configuration.
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "cli/config.h"

#include <ctype.h>
#include <pcre2.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "util/arena.h"
#include "cli/compdb.h"
#include "rule.h"

/* Backtracking budget per match: a pattern that needs more fails to match
 * (PCRE2's default is 10,000,000, far beyond what a name or path needs). */
enum { MATCH_LIMIT = 1000000, KEY_MAX = 256, SHOWN_MAX = 80 };

struct cl_config_regex {
    pcre2_code *code;
    pcre2_match_context *mctx;
};

/* State of one load: where errors go and the wrapper names seen so far. */
typedef struct load_ctx {
    const char *path;
    char *err;
    size_t errlen;
    struct { char **v; size_t n, cap; } wnames; /* wrapper names (borrowed from cfg) */
    struct { char **v; size_t n, cap; } wkeys;  /* their key paths (heap) */
} load_ctx;

static int fail(load_ctx *c, const char *key, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static int fail(load_ctx *c, const char *key, const char *fmt, ...)
{
    char what[512];
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    if (c->errlen == 0)
        return -1;
    if (key != NULL)
        snprintf(c->err, c->errlen, "%s: key '%s': %s", c->path, key, what);
    else
        snprintf(c->err, c->errlen, "%s: %s", c->path, what);
    cl_one_line(c->err); /* keys and values are untrusted text */
    return -1;
}

/* Key path of member `name` of the object at `parent` ("" for the top). Names
 * longer than SHOWN_MAX are cut with "..." so a hostile key cannot flood the
 * message. */
static void key_member(char *out, const char *parent, const char *name)
{
    size_t n = strlen(name);
    const char *cut = n > SHOWN_MAX ? "..." : "";
    int w = n > SHOWN_MAX ? SHOWN_MAX : (int)n;
    int len;
    if (parent[0] == '\0')
        len = snprintf(out, KEY_MAX, "%.*s%s", w, name, cut);
    else
        len = snprintf(out, KEY_MAX, "%s.%.*s%s", parent, w, name, cut);
    if (len >= KEY_MAX) /* a very deep key path is cut, which is fine in a message */
        out[KEY_MAX - 1] = '\0';
}

static void key_index(char *out, const char *parent, size_t i)
{
    if (snprintf(out, KEY_MAX, "%s[%zu]", parent, i) >= KEY_MAX)
        out[KEY_MAX - 1] = '\0';
}

static const char *type_name(const cJSON *v)
{
    if (cJSON_IsObject(v)) return "an object";
    if (cJSON_IsArray(v)) return "an array";
    if (cJSON_IsString(v)) return "a string";
    if (cJSON_IsNumber(v)) return "a number";
    if (cJSON_IsBool(v)) return "a boolean";
    if (cJSON_IsNull(v)) return "null";
    return "an invalid value";
}

/* Rejects an object with the same member twice (cJSON keeps both). */
static int check_duplicates(load_ctx *c, const cJSON *obj, const char *key)
{
    for (const cJSON *a = obj->child; a != NULL; a = a->next)
        for (const cJSON *b = a->next; b != NULL; b = b->next)
            if (strcmp(a->string, b->string) == 0) {
                char k[KEY_MAX];
                key_member(k, key, a->string);
                return fail(c, k, "duplicate key");
            }
    return 0;
}

static int is_identifier(const char *s)
{
    if (!(isalpha((unsigned char)s[0]) || s[0] == '_'))
        return 0;
    for (const char *p = s + 1; *p; p++)
        if (!(isalnum((unsigned char)*p) || *p == '_'))
            return 0;
    return 1;
}

const char *cl_config_level_name(cl_level level)
{
    switch (level) {
    case CL_LEVEL_NOTE: return "note";
    case CL_LEVEL_WARNING: return "warning";
    case CL_LEVEL_ERROR: return "error";
    case CL_LEVEL_NONE: break;
    }
    return "off";
}

static int parse_level(load_ctx *c, const cJSON *v, const char *key, cl_level *out)
{
    static const struct { const char *name; cl_level level; } levels[] = {
        {"off", CL_LEVEL_NONE}, {"note", CL_LEVEL_NOTE},
        {"warning", CL_LEVEL_WARNING}, {"error", CL_LEVEL_ERROR},
    };
    if (!cJSON_IsString(v))
        return fail(c, key, "expected a level string, got %s", type_name(v));
    for (size_t i = 0; i < sizeof levels / sizeof levels[0]; i++)
        if (strcmp(v->valuestring, levels[i].name) == 0) {
            *out = levels[i].level;
            return 0;
        }
    return fail(c, key, "unknown level '%.*s' (want off, note, warning or error)",
                SHOWN_MAX, v->valuestring);
}

/* An argument index 0..CL_CONFIG_MAX_ARG; null gives -1 when `nullable`. */
static int parse_arg(load_ctx *c, const cJSON *v, const char *key, int nullable, int *out)
{
    if (nullable && cJSON_IsNull(v)) {
        *out = -1;
        return 0;
    }
    if (!cJSON_IsNumber(v))
        return fail(c, key, "expected an argument index (0 to %d%s), got %s",
                    CL_CONFIG_MAX_ARG, nullable ? " or null" : "", type_name(v));
    double d = v->valuedouble;
    if (!(d >= 0 && d <= CL_CONFIG_MAX_ARG) || (double)(int)d != d)
        return fail(c, key, "expected an argument index from 0 to %d, got %g",
                    CL_CONFIG_MAX_ARG, d);
    *out = (int)d;
    return 0;
}

/* ---- patterns ----------------------------------------------------------- */

static void regex_free(cl_config_regex *re)
{
    if (re == NULL)
        return;
    pcre2_match_context_free(re->mctx);
    pcre2_code_free(re->code);
    free(re);
}

static int compile_pattern(load_ctx *c, const char *key, const char *src, cl_config_regex **out)
{
    int errcode = 0;
    PCRE2_SIZE erroff = 0;
    pcre2_code *code = pcre2_compile((PCRE2_SPTR)src, PCRE2_ZERO_TERMINATED, 0,
                                     &errcode, &erroff, NULL);
    if (code == NULL) {
        PCRE2_UCHAR msg[256];
        if (pcre2_get_error_message(errcode, msg, sizeof msg) < 0)
            snprintf((char *)msg, sizeof msg, "error %d", errcode);
        return fail(c, key, "invalid regex at offset %zu: %s", (size_t)erroff, (char *)msg);
    }
    /* JIT is an optimization: when it is unavailable the interpreter runs. */
    (void)pcre2_jit_compile(code, PCRE2_JIT_COMPLETE);
    cl_config_regex *re = cl_xcalloc(1, sizeof *re);
    re->code = code;
    re->mctx = pcre2_match_context_create(NULL);
    if (re->mctx == NULL) {
        regex_free(re);
        fprintf(stderr, "conc-lint: out of memory\n");
        abort();
    }
    pcre2_set_match_limit(re->mctx, MATCH_LIMIT);
    pcre2_set_depth_limit(re->mctx, MATCH_LIMIT / 10);
    *out = re;
    return 0;
}

static void patterns_add(cl_config_patterns *p, char *src, cl_config_regex *re)
{
    p->source = cl_xrealloc(p->source, (p->n + 1) * sizeof *p->source);
    p->re = cl_xrealloc(p->re, (p->n + 1) * sizeof *p->re);
    p->source[p->n] = src;
    p->re[p->n] = re;
    p->n++;
}

static void patterns_release(cl_config_patterns *p)
{
    for (size_t i = 0; i < p->n; i++) {
        free(p->source[i]);
        regex_free(p->re[i]);
    }
    free(p->source);
    free(p->re);
    memset(p, 0, sizeof *p);
}

static int parse_patterns(load_ctx *c, const cJSON *v, const char *key, cl_config_patterns *out)
{
    if (!cJSON_IsArray(v))
        return fail(c, key, "expected an array of regex strings, got %s", type_name(v));
    size_t i = 0;
    for (const cJSON *e = v->child; e != NULL; e = e->next, i++) {
        char k[KEY_MAX];
        cl_config_regex *re = NULL;
        key_index(k, key, i);
        if (!cJSON_IsString(e))
            return fail(c, k, "expected a regex string, got %s", type_name(e));
        if (compile_pattern(c, k, e->valuestring, &re) < 0)
            return -1;
        patterns_add(out, cl_xstrdup(e->valuestring), re);
    }
    return 0;
}

/* 1 when `s` matches some pattern of `p` (unanchored search). A match that
 * errors (e.g. hits the match limit) counts as no match. */
static int patterns_match(const cl_config_patterns *p, const char *s)
{
    if (p->n == 0 || s == NULL)
        return 0;
    pcre2_match_data *md = pcre2_match_data_create(1, NULL);
    int hit = 0;
    if (md == NULL) {
        fprintf(stderr, "conc-lint: out of memory\n");
        abort();
    }
    for (size_t i = 0; i < p->n && !hit; i++) {
        const cl_config_regex *re = p->re[i];
        hit = pcre2_match(re->code, (PCRE2_SPTR)s, strlen(s), 0, 0, md, re->mctx) >= 0;
    }
    pcre2_match_data_free(md);
    return hit;
}

/* ---- wrappers ----------------------------------------------------------- */

/* Validates a wrapper function name and that no other wrapper list names it. */
static int check_wrapper_name(load_ctx *c, const cJSON *v, const char *key)
{
    if (!cJSON_IsString(v))
        return fail(c, key, "expected a function name string, got %s", type_name(v));
    if (!is_identifier(v->valuestring))
        return fail(c, key, "'%.*s' is not a C function name", SHOWN_MAX, v->valuestring);
    for (size_t i = 0; i < c->wnames.n; i++)
        if (strcmp(c->wnames.v[i], v->valuestring) == 0)
            return fail(c, key, "'%s' is already configured at '%s'", v->valuestring,
                        c->wkeys.v[i]);
    CL_VEC_PUSH(&c->wnames, v->valuestring);
    CL_VEC_PUSH(&c->wkeys, cl_xstrdup(key));
    return 0;
}

/* The object of one wrapper entry: checks its type, duplicates and that
 * every member is one of `known` (NULL-terminated) and `required` are there. */
static int check_entry(load_ctx *c, const cJSON *e, const char *key,
                       const char *const *known, const char *const *required)
{
    if (!cJSON_IsObject(e))
        return fail(c, key, "expected an object, got %s", type_name(e));
    if (check_duplicates(c, e, key) < 0)
        return -1;
    for (const cJSON *m = e->child; m != NULL; m = m->next) {
        size_t k = 0;
        while (known[k] != NULL && strcmp(known[k], m->string) != 0)
            k++;
        if (known[k] == NULL) {
            char mk[KEY_MAX];
            key_member(mk, key, m->string);
            return fail(c, mk, "unknown key");
        }
    }
    for (size_t r = 0; required[r] != NULL; r++)
        if (cJSON_GetObjectItemCaseSensitive(e, required[r]) == NULL)
            return fail(c, key, "missing required key '%s'", required[r]);
    return 0;
}

static int parse_spawns(load_ctx *c, const cJSON *v, const char *key, cl_config *cfg)
{
    static const char *const known[] = {"name", "start_routine_arg", "arg_arg", "handle_arg", NULL};
    static const char *const required[] = {"name", "start_routine_arg", NULL};
    if (!cJSON_IsArray(v))
        return fail(c, key, "expected an array of objects, got %s", type_name(v));
    size_t i = 0;
    for (const cJSON *e = v->child; e != NULL; e = e->next, i++) {
        char ek[KEY_MAX], mk[KEY_MAX];
        const cJSON *m;
        cl_config_spawn s = {NULL, -1, -1, -1};
        key_index(ek, key, i);
        if (check_entry(c, e, ek, known, required) < 0)
            return -1;
        key_member(mk, ek, "name");
        if (check_wrapper_name(c, cJSON_GetObjectItemCaseSensitive(e, "name"), mk) < 0)
            return -1;
        key_member(mk, ek, "start_routine_arg");
        if (parse_arg(c, cJSON_GetObjectItemCaseSensitive(e, "start_routine_arg"), mk, 0,
                      &s.start_routine_arg) < 0)
            return -1;
        if ((m = cJSON_GetObjectItemCaseSensitive(e, "arg_arg")) != NULL) {
            key_member(mk, ek, "arg_arg");
            if (parse_arg(c, m, mk, 1, &s.arg_arg) < 0)
                return -1;
            if (s.arg_arg >= 0 && s.arg_arg == s.start_routine_arg)
                return fail(c, mk, "same argument as 'start_routine_arg'");
        }
        if ((m = cJSON_GetObjectItemCaseSensitive(e, "handle_arg")) != NULL) {
            key_member(mk, ek, "handle_arg");
            if (parse_arg(c, m, mk, 1, &s.handle_arg) < 0)
                return -1;
            if (s.handle_arg >= 0 &&
                (s.handle_arg == s.start_routine_arg || s.handle_arg == s.arg_arg))
                return fail(c, mk, "same argument as '%s'",
                            s.handle_arg == s.start_routine_arg ? "start_routine_arg" : "arg_arg");
        }
        s.name = cl_xstrdup(cJSON_GetObjectItemCaseSensitive(e, "name")->valuestring);
        CL_VEC_PUSH(&cfg->spawn_functions, s);
    }
    return 0;
}

static int parse_lockfns(load_ctx *c, const cJSON *v, const char *key, cl_config_lockfns *out)
{
    static const char *const known[] = {"name", "lock_arg", NULL};
    if (!cJSON_IsArray(v))
        return fail(c, key, "expected an array of objects, got %s", type_name(v));
    size_t i = 0;
    for (const cJSON *e = v->child; e != NULL; e = e->next, i++) {
        char ek[KEY_MAX], mk[KEY_MAX];
        cl_config_lockfn l = {NULL, -1};
        key_index(ek, key, i);
        if (check_entry(c, e, ek, known, known) < 0)
            return -1;
        key_member(mk, ek, "name");
        if (check_wrapper_name(c, cJSON_GetObjectItemCaseSensitive(e, "name"), mk) < 0)
            return -1;
        key_member(mk, ek, "lock_arg");
        if (parse_arg(c, cJSON_GetObjectItemCaseSensitive(e, "lock_arg"), mk, 0, &l.lock_arg) < 0)
            return -1;
        l.name = cl_xstrdup(cJSON_GetObjectItemCaseSensitive(e, "name")->valuestring);
        CL_VEC_PUSH(out, l);
    }
    return 0;
}

static int parse_sleeps(load_ctx *c, const cJSON *v, const char *key, cl_config *cfg)
{
    if (!cJSON_IsArray(v))
        return fail(c, key, "expected an array of function names, got %s", type_name(v));
    size_t i = 0;
    for (const cJSON *e = v->child; e != NULL; e = e->next, i++) {
        char k[KEY_MAX];
        key_index(k, key, i);
        if (check_wrapper_name(c, e, k) < 0)
            return -1;
        CL_VEC_PUSH(&cfg->sleep_functions, cl_xstrdup(e->valuestring));
    }
    return 0;
}

/* ---- rules -------------------------------------------------------------- */

static int parse_rules(load_ctx *c, const cJSON *v, const char *key, cl_config *cfg)
{
    if (!cJSON_IsObject(v))
        return fail(c, key, "expected an object mapping rules to levels, got %s", type_name(v));
    if (check_duplicates(c, v, key) < 0)
        return -1;
    for (const cJSON *m = v->child; m != NULL; m = m->next) {
        char k[KEY_MAX];
        size_t index = 0;
        cl_level level = CL_LEVEL_NONE;
        key_member(k, key, m->string);
        const cl_rule *rule = cl_rule_find(m->string, &index);
        if (rule == NULL)
            return fail(c, k, "unknown rule");
        for (size_t i = 0; i < cfg->rules.n; i++)
            if (cfg->rules.v[i].rule_index == index)
                return fail(c, k, "rule '%s' (%s) is configured twice", rule->id, rule->name);
        if (cJSON_IsObject(m)) {
            static const char *const known[] = {"level", NULL};
            char lk[KEY_MAX];
            if (check_entry(c, m, k, known, known) < 0)
                return -1;
            key_member(lk, k, "level");
            if (parse_level(c, cJSON_GetObjectItemCaseSensitive(m, "level"), lk, &level) < 0)
                return -1;
        } else if (cJSON_IsString(m)) {
            if (parse_level(c, m, k, &level) < 0)
                return -1;
        } else {
            return fail(c, k, "expected a level string or an object, got %s", type_name(m));
        }
        cl_config_rule r = {index, level};
        CL_VEC_PUSH(&cfg->rules, r);
    }
    return 0;
}

/* A per-TU limit: an integer from 0 (no limit) to CL_MAX_TU_LIMIT. */
static int parse_limit(load_ctx *c, const cJSON *v, const char *key, int *out)
{
    if (!cJSON_IsNumber(v) || v->valuedouble != (double)(long long)v->valuedouble ||
        v->valuedouble < 0 || v->valuedouble > CL_MAX_TU_LIMIT)
        return fail(c, key, "expected an integer from 0 (no limit) to %d", CL_MAX_TU_LIMIT);
    *out = (int)v->valuedouble;
    return 0;
}

/* A switch: true (1) or false (0). */
static int parse_bool(load_ctx *c, const cJSON *v, const char *key, int *out)
{
    if (!cJSON_IsBool(v))
        return fail(c, key, "expected true or false, got %s", type_name(v));
    *out = cJSON_IsTrue(v);
    return 0;
}

/* ---- the file ------------------------------------------------------------ */

static int parse_root(load_ctx *c, const cJSON *root, cl_config *cfg)
{
    if (!cJSON_IsObject(root))
        return fail(c, NULL, "expected a JSON object at the top level, got %s", type_name(root));
    if (check_duplicates(c, root, "") < 0)
        return -1;
    for (const cJSON *m = root->child; m != NULL; m = m->next) {
        const char *k = m->string;
        int rc;
        if (strcmp(k, "version") == 0) {
            if (!cJSON_IsNumber(m))
                return fail(c, k, "expected the number %d, got %s", CL_CONFIG_VERSION, type_name(m));
            if (m->valuedouble != CL_CONFIG_VERSION)
                return fail(c, k, "unsupported version %g (this conc-lint reads version %d)",
                            m->valuedouble, CL_CONFIG_VERSION);
            rc = 0;
        } else if (strcmp(k, "rules") == 0) {
            rc = parse_rules(c, m, k, cfg);
        } else if (strcmp(k, "handlers") == 0) {
            rc = parse_patterns(c, m, k, &cfg->handlers);
        } else if (strcmp(k, "registration_apis") == 0) {
            rc = parse_patterns(c, m, k, &cfg->registration_apis);
        } else if (strcmp(k, "include") == 0) {
            rc = parse_patterns(c, m, k, &cfg->include);
        } else if (strcmp(k, "exclude") == 0) {
            rc = parse_patterns(c, m, k, &cfg->exclude);
        } else if (strcmp(k, "spawn_functions") == 0) {
            rc = parse_spawns(c, m, k, cfg);
        } else if (strcmp(k, "lock_functions") == 0) {
            rc = parse_lockfns(c, m, k, &cfg->lock_functions);
        } else if (strcmp(k, "unlock_functions") == 0) {
            rc = parse_lockfns(c, m, k, &cfg->unlock_functions);
        } else if (strcmp(k, "sleep_functions") == 0) {
            rc = parse_sleeps(c, m, k, cfg);
        } else if (strcmp(k, "walk_budget") == 0) {
            if (!cJSON_IsNumber(m) || m->valuedouble < 1 || m->valuedouble > 1e12 ||
                m->valuedouble != (double)(unsigned long)m->valuedouble)
                return fail(c, k, "expected a whole number of steps from 1 to 10^12, got %s",
                            cJSON_IsNumber(m) ? "another number" : type_name(m));
            cfg->walk_budget = (unsigned long)m->valuedouble;
            rc = 0;
        } else if (strcmp(k, "analyze_generated") == 0) {
            rc = parse_bool(c, m, k, &cfg->analyze_generated);
        } else if (strcmp(k, "event_loops") == 0) {
            rc = parse_bool(c, m, k, &cfg->event_loops);
        } else if (strcmp(k, "libc") == 0) {
            if (!cJSON_IsString(m) || (strcmp(m->valuestring, "glibc") != 0 &&
                                       strcmp(m->valuestring, "posix") != 0))
                return fail(c, k, "expected \"glibc\" or \"posix\", got %s",
                            cJSON_IsString(m) ? "another string" : type_name(m));
            cfg->libc_posix = strcmp(m->valuestring, "posix") == 0;
            rc = 0;
        } else if (strcmp(k, "tu_timeout") == 0) {
            rc = parse_limit(c, m, k, &cfg->tu_timeout);
        } else if (strcmp(k, "tu_memory") == 0) {
            rc = parse_limit(c, m, k, &cfg->tu_memory);
        } else {
            char kk[KEY_MAX];
            key_member(kk, "", k);
            return fail(c, kk, "unknown key");
        }
        if (rc < 0)
            return -1;
    }
    return 0;
}

/* Reads c->path whole through cl_read_file (regular files only, never
 * blocking, at most CL_CONFIG_MAX_BYTES). On failure the error is
 * "<path>: larger than N bytes" or "<path>: cannot read: <reason>". */
static int read_file(load_ctx *c, char **out, size_t *outlen)
{
    char why[256];
    if (cl_read_file(c->path, CL_CONFIG_MAX_BYTES, out, outlen, why, sizeof why) == 0)
        return 0;
    /* cl_read_file words its size refusal "larger than N bytes" (arena.h). */
    if (strncmp(why, "larger than ", 12) == 0)
        return fail(c, NULL, "%s", why);
    return fail(c, NULL, "cannot read: %s", why);
}

void cl_config_init(cl_config *cfg)
{
    memset(cfg, 0, sizeof *cfg);
    cfg->version = CL_CONFIG_VERSION;
    cfg->tu_timeout = -1;
    cfg->tu_memory = -1;
}

int cl_config_load(cl_config *cfg, const char *path, char *err, size_t errlen)
{
    load_ctx c;
    char *buf = NULL;
    size_t len = 0;
    cJSON *root = NULL;
    int ret = -1;

    memset(&c, 0, sizeof c);
    c.path = path;
    c.err = err;
    c.errlen = errlen;
    if (errlen > 0)
        err[0] = '\0';
    cl_config_init(cfg);

    if (read_file(&c, &buf, &len) < 0)
        goto out;
    if (memchr(buf, '\0', len) != NULL) {
        fail(&c, NULL, "invalid JSON: contains a NUL byte");
        goto out;
    }
    /* The length includes the NUL so that require_null_terminated rejects
     * anything but blanks after the document. */
    const char *end = NULL;
    root = cJSON_ParseWithLengthOpts(buf, len + 1, &end, 1);
    if (root == NULL) {
        unsigned line = 1, col = 1;
        if (end == NULL || end < buf || end > buf + len)
            end = buf + len;
        for (const char *p = buf; p < end; p++) {
            if (*p == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
        }
        if (errlen > 0)
            snprintf(err, errlen, "%s:%u:%u: invalid JSON", path, line, col);
        goto out;
    }
    if (parse_root(&c, root, cfg) < 0)
        goto out;

    cfg->path = cl_xstrdup(path);
    char *abs = cl_path_normalize(path, NULL);
    char *slash = strrchr(abs, '/');
    if (slash == abs)
        slash[1] = '\0';   /* "/.conc-lint.json" -> "/" */
    else if (slash != NULL)
        *slash = '\0';
    cfg->root = abs;
    ret = 0;
out:
    if (ret < 0)
        cl_config_release(cfg);
    cJSON_Delete(root);
    free(buf);
    free(c.wnames.v);
    for (size_t i = 0; i < c.wkeys.n; i++)
        free(c.wkeys.v[i]);
    free(c.wkeys.v);
    return ret;
}

/* 1 when `dir` holds `name` (any kind of file). */
static int dir_has(const char *dir, const char *name)
{
    cl_strbuf b = {0};
    cl_strbuf_addf(&b, "%s%s%s", dir, strcmp(dir, "/") == 0 ? "" : "/", name);
    struct stat st;
    int has = lstat(b.s, &st) == 0;
    cl_strbuf_release(&b);
    return has;
}

/* 1 when the search of cl_config_find ends at `dir`: a repository root or
 * the user's home (`home`, normalized, or NULL). */
static int search_ends_at(const char *dir, const char *home)
{
    return (home != NULL && strcmp(dir, home) == 0) || dir_has(dir, ".git");
}

int cl_config_find(const char *start_dir, char **path_out, char **ignored_out)
{
    char *dir = cl_path_normalize(start_dir != NULL ? start_dir : ".", NULL);
    const char *h = getenv("HOME");
    char *home = h != NULL && h[0] == '/' ? cl_path_normalize(h, NULL) : NULL;
    cl_strbuf b = {0};
    int found = 0;

    *path_out = NULL;
    if (ignored_out != NULL)
        *ignored_out = NULL;
    if (dir == NULL || dir[0] != '/')
        goto out;
    for (;;) {
        struct stat st;
        b.len = 0;
        cl_strbuf_addf(&b, "%s%s%s", dir, strcmp(dir, "/") == 0 ? "" : "/", CL_CONFIG_FILENAME);
        if (stat(b.s, &st) == 0 && S_ISREG(st.st_mode)) {
            if (st.st_uid == geteuid() || st.st_uid == 0) {
                *path_out = b.s;
                b.s = NULL;
                found = 1;
                break;
            }
            if (ignored_out != NULL && *ignored_out == NULL)
                *ignored_out = cl_xstrdup(b.s);
        }
        if (strcmp(dir, "/") == 0 || search_ends_at(dir, home))
            break;
        char *slash = strrchr(dir, '/');
        if (slash == dir)
            slash[1] = '\0';
        else
            *slash = '\0';
    }
out:
    free(dir);
    free(home);
    cl_strbuf_release(&b);
    return found;
}

cl_level cl_config_rule_level(const cl_config *cfg, size_t rule_index, cl_level default_level)
{
    for (size_t i = 0; i < cfg->rules.n; i++)
        if (cfg->rules.v[i].rule_index == rule_index)
            return cfg->rules.v[i].level;
    return default_level;
}

int cl_config_path_selected(const cl_config *cfg, const char *path)
{
    if (cfg->include.n == 0 && cfg->exclude.n == 0)
        return 1;
    char *abs = cl_path_normalize(path, NULL);
    const char *shown = abs;
    if (cfg->root != NULL) {
        size_t rl = strlen(cfg->root);
        if (strcmp(cfg->root, "/") == 0)
            shown = abs + 1;
        else if (strncmp(abs, cfg->root, rl) == 0 && abs[rl] == '/')
            shown = abs + rl + 1;
    }
    int sel = (cfg->include.n == 0 || patterns_match(&cfg->include, shown)) &&
              !patterns_match(&cfg->exclude, shown);
    free(abs);
    return sel;
}

int cl_config_is_handler(const cl_config *cfg, const char *fn_name)
{
    return patterns_match(&cfg->handlers, fn_name);
}

int cl_config_is_registration_api(const cl_config *cfg, const char *fn_name)
{
    return patterns_match(&cfg->registration_apis, fn_name);
}

void cl_config_add_callspecs(const cl_config *cfg, cl_callspecs *specs)
{
    for (size_t i = 0; i < cfg->spawn_functions.n; i++) {
        const cl_config_spawn *s = &cfg->spawn_functions.v[i];
        cl_callspecs_add(specs, s->name, CL_CK_SPAWN, s->handle_arg, s->start_routine_arg,
                         s->arg_arg);
    }
    for (size_t i = 0; i < cfg->lock_functions.n; i++)
        cl_callspecs_add(specs, cfg->lock_functions.v[i].name, CL_CK_LOCK,
                         cfg->lock_functions.v[i].lock_arg, -1, -1);
    for (size_t i = 0; i < cfg->unlock_functions.n; i++)
        cl_callspecs_add(specs, cfg->unlock_functions.v[i].name, CL_CK_UNLOCK,
                         cfg->unlock_functions.v[i].lock_arg, -1, -1);
    for (size_t i = 0; i < cfg->sleep_functions.n; i++)
        cl_callspecs_add(specs, cfg->sleep_functions.v[i], CL_CK_SLEEP, -1, -1, -1);
    specs->event_loops = cfg->event_loops;
    if (!cfg->libc_posix) /* (after the project's own entries, which come first) */
        cl_callspecs_for_glibc(specs);
}

/* ---- printing ----------------------------------------------------------- */

static cJSON *checked(cJSON *v)
{
    if (v == NULL) {
        fprintf(stderr, "conc-lint: out of memory\n");
        abort();
    }
    return v;
}

static void add_patterns(cJSON *obj, const char *key, const cl_config_patterns *p)
{
    cJSON *a = checked(cJSON_AddArrayToObject(obj, key));
    for (size_t i = 0; i < p->n; i++)
        cJSON_AddItemToArray(a, checked(cJSON_CreateString(p->source[i])));
}

static void add_arg(cJSON *obj, const char *key, int arg)
{
    if (arg < 0)
        checked(cJSON_AddNullToObject(obj, key));
    else
        checked(cJSON_AddNumberToObject(obj, key, arg));
}

static void add_lockfns(cJSON *obj, const char *key, const cl_config_lockfn *v, size_t n)
{
    cJSON *a = checked(cJSON_AddArrayToObject(obj, key));
    for (size_t i = 0; i < n; i++) {
        cJSON *e = checked(cJSON_CreateObject());
        checked(cJSON_AddStringToObject(e, "name", v[i].name));
        add_arg(e, "lock_arg", v[i].lock_arg);
        cJSON_AddItemToArray(a, e);
    }
}

void cl_config_print(const cl_config *cfg, FILE *out)
{
    cJSON *root = checked(cJSON_CreateObject());
    checked(cJSON_AddNumberToObject(root, "version", CL_CONFIG_VERSION));
    cJSON *rules = checked(cJSON_AddObjectToObject(root, "rules"));
    for (size_t i = 0; i < cl_nrules; i++) {
        cl_level l = cl_config_rule_level(cfg, i, cl_rules[i]->default_level);
        checked(cJSON_AddStringToObject(rules, cl_rules[i]->id, cl_config_level_name(l)));
    }
    add_patterns(root, "handlers", &cfg->handlers);
    add_patterns(root, "registration_apis", &cfg->registration_apis);
    if (cfg->walk_budget > 0)
        checked(cJSON_AddNumberToObject(root, "walk_budget", (double)cfg->walk_budget));
    cJSON *spawns = checked(cJSON_AddArrayToObject(root, "spawn_functions"));
    for (size_t i = 0; i < cfg->spawn_functions.n; i++) {
        const cl_config_spawn *s = &cfg->spawn_functions.v[i];
        cJSON *e = checked(cJSON_CreateObject());
        checked(cJSON_AddStringToObject(e, "name", s->name));
        add_arg(e, "start_routine_arg", s->start_routine_arg);
        add_arg(e, "arg_arg", s->arg_arg);
        add_arg(e, "handle_arg", s->handle_arg);
        cJSON_AddItemToArray(spawns, e);
    }
    add_lockfns(root, "lock_functions", cfg->lock_functions.v, cfg->lock_functions.n);
    add_lockfns(root, "unlock_functions", cfg->unlock_functions.v, cfg->unlock_functions.n);
    cJSON *sleeps = checked(cJSON_AddArrayToObject(root, "sleep_functions"));
    for (size_t i = 0; i < cfg->sleep_functions.n; i++)
        cJSON_AddItemToArray(sleeps, checked(cJSON_CreateString(cfg->sleep_functions.v[i])));
    add_patterns(root, "include", &cfg->include);
    add_patterns(root, "exclude", &cfg->exclude);
    checked(cJSON_AddBoolToObject(root, "analyze_generated", cfg->analyze_generated));
    checked(cJSON_AddStringToObject(root, "libc", cfg->libc_posix ? "posix" : "glibc"));
    checked(cJSON_AddBoolToObject(root, "event_loops", cfg->event_loops));
    checked(cJSON_AddNumberToObject(root, "tu_timeout",
                                    cfg->tu_timeout >= 0 ? cfg->tu_timeout : CL_DEFAULT_TU_TIMEOUT));
    checked(cJSON_AddNumberToObject(root, "tu_memory",
                                    cfg->tu_memory >= 0 ? cfg->tu_memory : CL_DEFAULT_TU_MEMORY));

    char *text = cJSON_Print(root);
    if (text == NULL) {
        fprintf(stderr, "conc-lint: out of memory\n");
        abort();
    }
    fputs(text, out);
    fputc('\n', out);
    cJSON_free(text);
    cJSON_Delete(root);
}

void cl_config_release(cl_config *cfg)
{
    free(cfg->path);
    free(cfg->root);
    free(cfg->rules.v);
    patterns_release(&cfg->handlers);
    patterns_release(&cfg->registration_apis);
    patterns_release(&cfg->include);
    patterns_release(&cfg->exclude);
    for (size_t i = 0; i < cfg->spawn_functions.n; i++)
        free(cfg->spawn_functions.v[i].name);
    free(cfg->spawn_functions.v);
    for (size_t i = 0; i < cfg->lock_functions.n; i++)
        free(cfg->lock_functions.v[i].name);
    free(cfg->lock_functions.v);
    for (size_t i = 0; i < cfg->unlock_functions.n; i++)
        free(cfg->unlock_functions.v[i].name);
    free(cfg->unlock_functions.v);
    for (size_t i = 0; i < cfg->sleep_functions.n; i++)
        free(cfg->sleep_functions.v[i]);
    free(cfg->sleep_functions.v);
    cl_config_init(cfg);
}
