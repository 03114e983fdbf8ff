/* baseline.c - reading a SARIF baseline and classifying findings against it;
 * the contract and the matching algorithm are described in baseline.h.
 *
 * The log is untrusted input (it may come from an artifact of another CI
 * run): it is size-capped before parsing, cJSON's nesting limit bounds the
 * recursion, every member is type-checked before use, and anything
 * unexpected inside a result skips that result instead of failing the run.
 */
#include "report/baseline.h"
#include "util/bytes.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cJSON.h>

#define TOOL_NAME "conc-lint"

const char *cl_baseline_state_name(cl_baseline_state s)
{
    return s == CL_BASELINE_UNCHANGED ? "unchanged" : "new";
}

static void set_err(char *err, size_t errlen, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void set_err(char *err, size_t errlen, const char *fmt, ...)
{
    if (err == NULL || errlen == 0)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, errlen, fmt, ap);
    va_end(ap);
    cl_one_line(err); /* values quoted from the log are untrusted text */
}

/* Reads the regular file `path` (at most CL_BASELINE_MAX_BYTES) into a
 * NUL-terminated heap buffer. Returns 0, or -1 with `err` set. */
static int read_file(const char *path, char **data, size_t *len, char *err, size_t errlen)
{
    int rc = -1;
    char *buf = NULL;
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
    if (fd < 0) {
        set_err(err, errlen, "cannot read baseline '%s': %s", path, strerror(errno));
        goto out;
    }
    struct stat st;
    if (fstat(fd, &st) != 0) {
        set_err(err, errlen, "cannot read baseline '%s': %s", path, strerror(errno));
        goto out;
    }
    if (!S_ISREG(st.st_mode)) {
        set_err(err, errlen, "cannot read baseline '%s': not a regular file", path);
        goto out;
    }
    if ((unsigned long long)st.st_size > CL_BASELINE_MAX_BYTES) {
        set_err(err, errlen, "baseline '%s' is too large: %llu bytes, the limit is %u MiB", path,
                (unsigned long long)st.st_size, CL_BASELINE_MAX_BYTES / (1024u * 1024u));
        goto out;
    }
    /* The size may change under us: read until EOF, never past the cap. */
    size_t cap = (size_t)st.st_size + 1, n = 0;
    buf = cl_xmalloc(cap + 1);
    for (;;) {
        if (n == cap) {
            if (n > CL_BASELINE_MAX_BYTES) {
                set_err(err, errlen, "baseline '%s' is too large: the limit is %u MiB", path,
                        CL_BASELINE_MAX_BYTES / (1024u * 1024u));
                goto out;
            }
            cap = cap > CL_BASELINE_MAX_BYTES / 2 ? (size_t)CL_BASELINE_MAX_BYTES + 1 : cap * 2;
            buf = cl_xrealloc(buf, cap + 1);
        }
        ssize_t got = read(fd, buf + n, cap - n);
        if (got < 0) {
            if (errno == EINTR)
                continue;
            set_err(err, errlen, "cannot read baseline '%s': %s", path, strerror(errno));
            goto out;
        }
        if (got == 0)
            break;
        n += (size_t)got;
    }
    buf[n] = '\0';
    *data = buf;
    *len = n;
    buf = NULL;
    rc = 0;
out:
    free(buf);
    if (fd >= 0)
        close(fd);
    return rc;
}

/* 1-based line and column of byte offset `off` in `text`. */
static void line_col(const char *text, size_t off, unsigned long *line, unsigned long *col)
{
    unsigned long l = 1, c = 1;
    for (size_t i = 0; i < off && text[i]; i++) {
        if (text[i] == '\n') {
            l++;
            c = 1;
        } else {
            c++;
        }
    }
    *line = l;
    *col = c;
}

/* The string member `name` of `o`, or NULL when missing or not a string. */
static const char *get_str(const cJSON *o, const char *name)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, name);
    return cJSON_IsString(v) && v->valuestring != NULL ? v->valuestring : NULL;
}

/* A positive integer member, or 0. */
static unsigned long get_pos(const cJSON *o, const char *name)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, name);
    if (!cJSON_IsNumber(v) || !(v->valuedouble >= 1) || v->valuedouble > 4294967295.0)
        return 0;
    return (unsigned long)v->valuedouble;
}

static const cJSON *get_obj(const cJSON *o, const char *name)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, name);
    return cJSON_IsObject(v) ? v : NULL;
}

/* Element 0 of the array member `name` if it is an object, else NULL. */
static const cJSON *first_obj(const cJSON *o, const char *name)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, name);
    if (!cJSON_IsArray(v) || v->child == NULL || !cJSON_IsObject(v->child))
        return NULL;
    return v->child;
}

/* Adds the result `res` (runs[run].results[index]) to `b`, or counts it as
 * skipped. */
static void add_result(cl_baseline *b, const cJSON *res, size_t run, size_t index)
{
    if (!cJSON_IsObject(res)) {
        b->nskipped++;
        return;
    }
    const char *state = get_str(res, "baselineState");
    if (state != NULL && strcmp(state, "absent") == 0) {
        b->nabsent++; /* not a finding of that run: do not carry it forward */
        return;
    }
    const char *rule_id = get_str(res, "ruleId");
    if (rule_id == NULL) /* SARIF 3.27.7: the id may be given as rule.id only */
        rule_id = get_str(get_obj(res, "rule"), "id");
    const char *fp = get_str(get_obj(res, "partialFingerprints"), CL_BASELINE_FINGERPRINT_KEY);
    if (rule_id == NULL || *rule_id == '\0' || fp == NULL || *fp == '\0') {
        b->nskipped++;
        return;
    }
    cl_baseline_entry e = {0};
    e.rule_id = cl_arena_strdup(&b->arena, rule_id);
    e.fingerprint = cl_arena_strdup(&b->arena, fp);
    e.level = CL_LEVEL_WARNING;
    const char *lvl = get_str(res, "level");
    if (lvl != NULL && cl_level_parse(lvl, &e.level) != 0)
        e.level = CL_LEVEL_WARNING;
    e.message = cl_arena_strdup(&b->arena, get_str(get_obj(res, "message"), "text"));
    const cJSON *loc = first_obj(res, "locations");
    const cJSON *pl = get_obj(loc, "physicalLocation");
    const cJSON *art = get_obj(pl, "artifactLocation");
    e.uri = cl_arena_strdup(&b->arena, get_str(art, "uri"));
    e.uri_base_id = cl_arena_strdup(&b->arena, get_str(art, "uriBaseId"));
    const cJSON *region = get_obj(pl, "region");
    e.line = get_pos(region, "startLine");
    e.col = get_pos(region, "startColumn");
    e.function = cl_arena_strdup(&b->arena, get_str(first_obj(loc, "logicalLocations"), "name"));
    e.run = run;
    e.index = index;
    CL_VEC_PUSH(&b->entries, e);
}

/* Total order for the lookup index: rule id, fingerprint, then log order so
 * classify matches duplicates first-come in log order. */
static int cmp_key(const cl_baseline_entry *e, const char *rule_id, const char *fp)
{
    int c = strcmp(e->rule_id, rule_id);
    return c != 0 ? c : strcmp(e->fingerprint, fp);
}

/* qsort order of b->order: the key, then log order (the pointers point into
 * one array, b->entries.v, so comparing them is comparing log positions). */
static int cmp_order(const void *pa, const void *pb)
{
    const cl_baseline_entry *a = *(cl_baseline_entry *const *)pa;
    const cl_baseline_entry *b = *(cl_baseline_entry *const *)pb;
    int c = cmp_key(a, b->rule_id, b->fingerprint);
    if (c != 0)
        return c;
    return (a > b) - (a < b);
}

static void build_index(cl_baseline *b)
{
    size_t n = b->entries.n;
    if (n == 0)
        return;
    b->order = cl_xcalloc(n, sizeof *b->order);
    for (size_t i = 0; i < n; i++)
        b->order[i] = &b->entries.v[i];
    qsort(b->order, n, sizeof *b->order, cmp_order);
}

int cl_baseline_load(cl_baseline *b, const char *path, char *err, size_t errlen)
{
    int rc = -1;
    char *text = NULL;
    size_t len = 0;
    cJSON *log = NULL;

    memset(b, 0, sizeof *b);
    if (path == NULL || *path == '\0') {
        set_err(err, errlen, "no baseline file given");
        goto out;
    }
    if (read_file(path, &text, &len, err, errlen) != 0)
        goto out;
    const char *end = NULL;
    log = cJSON_ParseWithLengthOpts(text, len, &end, 0);
    if (log == NULL) {
        unsigned long line, col;
        size_t off = end != NULL && end >= text && end <= text + len ? (size_t)(end - text) : 0;
        if (len == 0) {
            set_err(err, errlen, "baseline '%s' is not JSON: the file is empty", path);
        } else {
            line_col(text, off, &line, &col);
            set_err(err, errlen, "baseline '%s' is not JSON: syntax error at line %lu, column %lu",
                    path, line, col);
        }
        goto out;
    }
    /* Trailing bytes after the document (whitespace is fine). */
    const char *extra = cl_json_trailing(end, text + len);
    if (extra != NULL) {
        unsigned long line, col;
        line_col(text, (size_t)(extra - text), &line, &col);
        set_err(err, errlen,
                "baseline '%s' is not JSON: unexpected data after the document at line %lu, column %lu",
                path, line, col);
        goto out;
    }
    if (!cJSON_IsObject(log)) {
        set_err(err, errlen, "baseline '%s' is not a SARIF log: the document is not an object", path);
        goto out;
    }
    const cJSON *version = cJSON_GetObjectItemCaseSensitive(log, "version");
    if (version != NULL && (!cJSON_IsString(version) || strcmp(version->valuestring, "2.1.0") != 0)) {
        set_err(err, errlen, "baseline '%s' is not SARIF 2.1.0: \"version\" is %s%.40s%s", path,
                cJSON_IsString(version) ? "'" : "not a string",
                cJSON_IsString(version) ? version->valuestring : "",
                cJSON_IsString(version) ? "'" : "");
        goto out;
    }
    const cJSON *runs = cJSON_GetObjectItemCaseSensitive(log, "runs");
    if (!cJSON_IsArray(runs)) {
        set_err(err, errlen, "baseline '%s' is not a SARIF log: no \"runs\" array", path);
        goto out;
    }
    if (runs->child == NULL) {
        set_err(err, errlen, "baseline '%s' has no runs", path);
        goto out;
    }
    size_t nours = 0, irun = 0;
    for (const cJSON *run = runs->child; run != NULL; run = run->next, irun++) {
        const char *tool = get_str(get_obj(get_obj(run, "tool"), "driver"), "name");
        if (!cJSON_IsObject(run) || tool == NULL || strcmp(tool, TOOL_NAME) != 0) {
            b->nforeign_runs++;
            continue;
        }
        nours++;
        const cJSON *results = cJSON_GetObjectItemCaseSensitive(run, "results");
        if (results == NULL || cJSON_IsNull(results))
            continue; /* SARIF 3.14.23: results not computed; nothing to match */
        if (!cJSON_IsArray(results)) {
            set_err(err, errlen, "baseline '%s': runs[%zu].results is not an array", path, irun);
            goto out;
        }
        size_t ires = 0;
        for (const cJSON *res = results->child; res != NULL; res = res->next, ires++)
            add_result(b, res, irun, ires);
    }
    if (nours == 0) {
        set_err(err, errlen, "baseline '%s' has no conc-lint run (%zu run%s of other tools)", path,
                b->nforeign_runs, b->nforeign_runs == 1 ? "" : "s");
        goto out;
    }
    build_index(b);
    rc = 0;
out:
    cJSON_Delete(log);
    free(text);
    if (rc != 0)
        cl_baseline_release(b);
    return rc;
}

cl_baseline_state cl_baseline_classify(cl_baseline *b, const char *rule_id, const char *fingerprint)
{
    if (b == NULL || rule_id == NULL || fingerprint == NULL || b->order == NULL)
        return CL_BASELINE_NEW;
    /* lower bound of (rule_id, fingerprint) in the sorted index */
    size_t lo = 0, hi = b->entries.n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (cmp_key(b->order[mid], rule_id, fingerprint) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    /* equal keys are in log order: take the first one not yet matched */
    for (size_t i = lo; i < b->entries.n; i++) {
        cl_baseline_entry *e = b->order[i];
        if (cmp_key(e, rule_id, fingerprint) != 0)
            break;
        if (!e->matched) {
            e->matched = 1;
            b->nmatched++;
            return CL_BASELINE_UNCHANGED;
        }
    }
    return CL_BASELINE_NEW;
}

size_t cl_baseline_absent(const cl_baseline *b, const cl_baseline_entry **out)
{
    size_t n = 0;
    if (b == NULL)
        return 0;
    for (size_t i = 0; i < b->entries.n; i++) {
        if (b->entries.v[i].matched)
            continue;
        if (out != NULL)
            out[n] = &b->entries.v[i];
        n++;
    }
    return n;
}

void cl_baseline_release(cl_baseline *b)
{
    if (b == NULL)
        return;
    cl_arena_release(&b->arena);
    free(b->entries.v);
    free(b->order);
    memset(b, 0, sizeof *b);
}
