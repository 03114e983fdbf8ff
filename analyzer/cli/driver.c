/* driver.c - see driver.h.
 *
 * Phase 1 summarizes translation units on a pool of pthreads (one libclang
 * index per worker; a TU is never shared). Results land in an array indexed
 * by the TU's position in the input order, so everything after phase 1 is
 * independent of scheduling: output is byte-identical for any -j.
 */
#include "cli/driver.h"

#include <dirent.h>
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "report/baseline.h"
#include "report/progress.h"
#include "cache/cache.h"
#include "cli/compdb.h"
#include "cli/config.h"
#include "cli/generated.h"
#include "cli/isolate.h"
#include "frontend/frontend.h"
#include "ir/irdump.h"
#include "ir/summary_io.h"
#include "model/model.h"
#include "cache/result.h"
#include "rule.h"
#include "report/suppress.h"
#include "report/verify.h"
#include "util/clock.h"

static void error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("conc-lint: error: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

/* ---- input collection ---------------------------------------------------- */

typedef struct pathvec {
    char **v;
    size_t n, cap;
} pathvec;

static void pathvec_release(pathvec *p)
{
    for (size_t i = 0; i < p->n; i++)
        free(p->v[i]);
    free(p->v);
    memset(p, 0, sizeof *p);
}

static int has_c_suffix(const char *name)
{
    size_t n = strlen(name);
    return n > 2 && strcmp(name + n - 2, ".c") == 0;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Appends the .c files below `dir` (sorted, hidden directories skipped). */
static void walk_dir(const char *dir, pathvec *out, int depth)
{
    if (depth > 64)
        return;
    DIR *d = opendir(dir);
    if (d == NULL)
        return;
    pathvec names = { NULL, 0, 0 };
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        if (de->d_name[0] == '.')
            continue;
        CL_VEC_PUSH(&names, cl_xstrdup(de->d_name));
    }
    closedir(d);
    if (names.n > 1)
        qsort(names.v, names.n, sizeof *names.v, cmp_str);
    for (size_t i = 0; i < names.n; i++) {
        cl_strbuf p = { NULL, 0, 0 };
        cl_strbuf_addf(&p, "%s/%s", dir, names.v[i]);
        struct stat st;
        if (lstat(p.s, &st) == 0) {
            if (S_ISDIR(st.st_mode))
                walk_dir(p.s, out, depth + 1);
            else if (S_ISREG(st.st_mode) && has_c_suffix(names.v[i]))
                CL_VEC_PUSH(out, cl_xstrdup(p.s));
        }
        cl_strbuf_release(&p);
    }
    pathvec_release(&names);
}

static int under(const char *file, const char *root)
{
    size_t n = strlen(root);
    if (strncmp(file, root, n) != 0)
        return 0;
    return file[n] == '\0' || file[n] == '/' || (n > 0 && root[n - 1] == '/');
}

/* ---- worker pool ---------------------------------------------------------- */

/* Where summaries come from besides parsing: the cache of this run, or the
 * directories a --link run reads (see cache.h). */
typedef struct sources {
    cl_cache *cache;          /* read and written; may be NULL */
    cl_cache *link;           /* read only, no parsing at all (--link) */
    size_t nlink;
    cl_tu_limits limits;      /* per TU; both 0: parse in the worker thread */
    int keep_parsed;          /* a probe keeps the summaries it parsed (summary_of) */
    const cl_unsaved *unsaved; /* the unsaved buffers of TU files (--stdin-filename: one) */
    size_t nunsaved;
    cl_keep *keep;            /* summaries kept between runs (keep.h), or NULL */
} sources;

/* Seconds spent in libclang's parser and in lowering, summed over TUs;
 * the TUs parsed in this run (libclang gave an AST), those whose summary
 * came from elsewhere (the cache, a --link directory, a caller's keep), and
 * those skipped at a limit or after a crash (parse_tu). */
typedef struct parse_time {
    double parse, lower;
    size_t parsed, cached, skipped;
} parse_time;

/* How a cached summary is fetched. */
typedef enum cl_fetch {
    CL_FETCH_READ,   /* read it */
    CL_FETCH_PROBE,  /* only check it is valid (the run may not need it) */
    CL_FETCH_LOAD    /* read one found valid by an earlier probe */
} cl_fetch;

typedef struct pool {
    pthread_mutex_t lock;
    size_t next;                 /* guarded by lock: next index into order[] */
    const cl_compile_cmd *cmds;  /* TUs to summarize */
    size_t n;
    const size_t *order;         /* order[k]: the k-th TU handed out (largest first) */
    const unsigned char *wanted; /* wanted[i]: summarize cmds[i] (NULL: all) */
    const sources *src;
    cl_fetch how;
    cl_tu **out;                 /* out[i]: summary of cmds[i] */
    uint64_t *digests;           /* digests[i]: its digest, 0 when unknown */
    unsigned char *probed;       /* probed[i]: cached, not kept (summary_of) */
    parse_time *time;            /* guarded by lock */
    cl_progress *progress;       /* NULL: none */
} pool;

/* What summary_of found for one TU. */
typedef struct fetched {
    cl_tu *tu;          /* the summary, or NULL (see summary_of) */
    uint64_t digest;    /* its digest (cache.h) when the cache knows it, else 0 */
    int probed;         /* the summary is in the cache and was not kept:
                           PROBE_HIT or PROBE_STORED */
    double parse_seconds, lower_seconds; /* when it was parsed here */
    int parsed;         /* parsed here, and libclang gave an AST */
    int cached;         /* from the keep, a --link directory or the cache
                           (a probe hit included) */
    int skipped;        /* parse_tu gave up on it */
} fetched;

/* The unsaved buffer standing for `file` in this run, or NULL. */
static const cl_unsaved *unsaved_of(const sources *src, const char *file)
{
    for (size_t k = 0; k < src->nunsaved; k++)
        if (strcmp(src->unsaved[k].file, file) == 0)
            return &src->unsaved[k];
    return NULL;
}

enum { PROBE_HIT = 1, PROBE_STORED = 2 };

/* The parser of one worker thread: its frontend, and its isolator (the
 * child process that parses under the run's limits) when a limit is on. */
typedef struct parser {
    cl_frontend *fe;
    cl_isolator *iso; /* NULL: parse in this thread */
} parser;

/* Parses one TU: in the worker's child process (isolate.h), or in this
 * thread when both limits are off. A TU the child could not
 * summarize (a limit, a crash) becomes an unparsed summary with one
 * warning saying why, and *skipped is set; the rest of the run goes on.
 * A summary the child sent leaves its serialized form in *bytes (else
 * bytes->len is 0). NULL only when libclang cannot be loaded. */
static cl_tu *parse_tu(const parser *ps, const cl_compile_cmd *c, const cl_unsaved *unsaved,
                       cl_strbuf *bytes, int *skipped)
{
    if (ps->iso == NULL)
        return cl_frontend_summarize_unsaved(ps->fe, c->file, c->args, c->nargs, unsaved);
    char why[256];
    cl_tu *tu = cl_isolator_summarize(ps->iso, c->file, c->args, c->nargs, unsaved, bytes, why,
                                      sizeof why);
    if (tu != NULL || why[0] == '\0')
        return tu;
    *skipped = 1;
    tu = cl_xcalloc(1, sizeof *tu);
    tu->main_file = cl_arena_strdup(&tu->arena, c->file);
    tu->diags = cl_arena_alloc(&tu->arena, sizeof *tu->diags);
    tu->ndiags = 1;
    tu->diags[0].level = CL_DIAG_WARNING;
    tu->diags[0].loc.file = tu->main_file;
    tu->diags[0].message =
        cl_arena_printf(&tu->arena, "translation unit skipped: its parse and lowering %s", why);
    return tu;
}

/* The summary of one TU: from the keep of an in-process caller (keep.h;
 * borrowed then, run_release hands it back), from a --link directory, from
 * the cache, or by parsing (and then stored in the cache). No summary in
 * --link mode when no directory has it, when libclang cannot be loaded,
 * and when probing: a probe that hits does not read the summary, and a
 * summary parsed and stored while probing is kept only with
 * src->keep_parsed (a run that links holds every summary at once then
 * anyway, so keeping it costs no peak memory and saves reading it back; a
 * --shard run keeps none, so its memory holds one summary per TU in
 * flight). The TU of an unsaved buffer (--stdin-filename, the language
 * server's) is parsed from the buffer (unless kept), and never looked up
 * or stored: the cache would file it as the disk file's summary. Its
 * digest, of its serialized form, still keys the result cache (by content). */
static fetched summary_of(const parser *ps, const sources *src, cl_fetch how,
                          const cl_compile_cmd *c, int probed)
{
    fetched f = { NULL, 0, 0, 0, 0, 0, 0, 0 };
    const cl_unsaved *unsaved = unsaved_of(src, c->file);
    if (src->keep != NULL && src->link == NULL &&
        (f.tu = cl_keep_find(src->keep, c, unsaved, src->cache, &f.digest)) != NULL) {
        f.cached = 1;
        return f;
    }
    if (src->link != NULL) {
        for (size_t k = 0; k < src->nlink && f.tu == NULL; k++)
            f.tu = cl_cache_lookup(&src->link[k], c->file, c->args, c->nargs, &f.digest);
        f.cached = f.tu != NULL;
        return f;
    }
    if (src->cache != NULL && unsaved == NULL) {
        if (how == CL_FETCH_PROBE &&
            cl_cache_probe(src->cache, c->file, c->args, c->nargs, &f.digest))
            f.probed = PROBE_HIT;
        else if (how == CL_FETCH_READ)
            f.tu = cl_cache_lookup(src->cache, c->file, c->args, c->nargs, &f.digest);
        else if (how == CL_FETCH_LOAD)
            f.tu = cl_cache_load(src->cache, c->file, c->args, c->nargs, &f.digest,
                                 probed == PROBE_HIT);
        f.cached = f.tu != NULL || f.probed;
        if (f.cached)
            return f;
    }
    cl_strbuf bytes = { NULL, 0, 0 };
    f.tu = parse_tu(ps, c, unsaved, &bytes, &f.skipped);
    if (f.tu == NULL)
        return f;
    f.parsed = f.tu->parsed;
    f.parse_seconds = f.tu->parse_seconds;
    f.lower_seconds = f.tu->lower_seconds;
    if (unsaved != NULL) {
        if (bytes.len == 0)
            cl_summary_write(f.tu, &bytes);
        f.digest = f.tu->parsed ? cl_summary_digest((const unsigned char *)bytes.s, bytes.len) : 0;
        cl_strbuf_release(&bytes);
        return f;
    }
    int stored = src->cache != NULL &&
                 cl_cache_store(src->cache, c->file, c->args, c->nargs, f.tu,
                                bytes.len > 0 ? &bytes : NULL, &f.digest);
    cl_strbuf_release(&bytes);
    if (stored && how == CL_FETCH_PROBE && !src->keep_parsed) {
        cl_tu_free(f.tu);
        f.tu = NULL;
        f.probed = PROBE_STORED;
    }
    return f;
}

static void *worker_main(void *arg)
{
    pool *p = arg;
    const sources *src = p->src;
    int limited = src->limits.timeout_s != 0 || src->limits.memory_mb != 0;
    parser ps = { NULL, NULL };
    if (src->link == NULL && limited)
        ps.iso = cl_isolator_new(&src->limits);
    else if (src->link == NULL)
        ps.fe = cl_frontend_new();
    for (;;) {
        pthread_mutex_lock(&p->lock);
        size_t i = p->next < p->n ? p->order[p->next++] : p->n;
        pthread_mutex_unlock(&p->lock);
        if (i >= p->n)
            break;
        if (p->wanted != NULL && !p->wanted[i])
            continue;
        fetched f = summary_of(&ps, src, p->how, &p->cmds[i], p->probed[i]);
        p->out[i] = f.tu;
        p->digests[i] = f.digest;
        // conc-lint-ignore-next-line: CL002 -- element i is this worker's: claimed under p->lock
        p->probed[i] = (unsigned char)f.probed;
        cl_progress_step(p->progress, p->cmds[i].file);
        pthread_mutex_lock(&p->lock);
        p->time->parse += f.parse_seconds;
        p->time->lower += f.lower_seconds;
        p->time->skipped += (size_t)f.skipped;
        /* A load reads what its probe found, counted then; if the entry
         * went away in between, the TU was parsed instead. */
        if (p->how != CL_FETCH_LOAD) {
            p->time->parsed += (size_t)f.parsed;
            p->time->cached += (size_t)f.cached;
        } else if (!f.cached) {
            p->time->parsed += (size_t)f.parsed;
            p->time->cached--;
        }
        pthread_mutex_unlock(&p->lock);
    }
    cl_isolator_free(ps.iso);
    cl_frontend_free(ps.fe);
    return NULL;
}

/* The order the pool hands TUs out in: largest main file first (the
 * longest-processing-time-first rule, so the last TUs to finish are short
 * ones and no worker idles long at the end), ties by index; the TUs of
 * unsaved buffers (src->unsaved) before all, as the ones likely to
 * be parsed while the others come from the cache. Only the schedule
 * changes: results land in out[i] whatever the order. The caller frees the
 * array. */
typedef struct tu_size {
    size_t index;
    off_t size;
} tu_size;

static int cmp_tu_size(const void *a, const void *b)
{
    const tu_size *x = a, *y = b;
    if (x->size != y->size)
        return x->size > y->size ? -1 : 1;
    return x->index < y->index ? -1 : x->index > y->index;
}

static size_t *largest_first(const cl_compile_cmd *cmds, size_t n, const sources *src)
{
    tu_size *t = cl_xcalloc(n ? n : 1, sizeof *t);
    for (size_t i = 0; i < n; i++) {
        struct stat st;
        t[i].index = i;
        t[i].size = stat(cmds[i].file, &st) == 0 ? st.st_size : 0;
        if (unsaved_of(src, cmds[i].file) != NULL)
            t[i].size = (off_t)(~(uint64_t)0 >> 1);
    }
    qsort(t, n, sizeof *t, cmp_tu_size);
    size_t *order = cl_xcalloc(n ? n : 1, sizeof *order);
    for (size_t i = 0; i < n; i++)
        order[i] = t[i].index;
    free(t);
    return order;
}

static unsigned cpu_count(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? (unsigned)n : 1;
}

/* Summarizes the wanted commands (all when `wanted` is NULL) into out[],
 * their digests into digests[]; cached summaries are fetched as `how` says,
 * probed[i] is set for a summary not kept (summary_of), and the time spent
 * parsing is added to *time. Each finished TU is a step of `progress`
 * (may be NULL). */
static void summarize_all(const cl_compile_cmd *cmds, size_t n, const unsigned char *wanted,
                          const sources *src, cl_fetch how, unsigned jobs, cl_tu **out,
                          uint64_t *digests, unsigned char *probed, parse_time *time,
                          cl_progress *progress)
{
    pool p;
    pthread_mutex_init(&p.lock, NULL);
    p.next = 0;
    p.cmds = cmds;
    p.n = n;
    size_t *order = largest_first(cmds, n, src);
    p.order = order;
    p.wanted = wanted;
    p.src = src;
    p.how = how;
    p.out = out;
    p.digests = digests;
    p.probed = probed;
    p.time = time;
    p.progress = progress;
    if (jobs > n)
        jobs = (unsigned)n;
    if (jobs <= 1) {
        worker_main(&p);
    } else {
        pthread_t *tids = cl_xcalloc(jobs, sizeof *tids);
        unsigned started = 0;
        for (unsigned i = 0; i < jobs; i++)
            if (pthread_create(&tids[i], NULL, worker_main, &p) == 0)
                started++;
            else
                break;
        if (started == 0)
            worker_main(&p);
        for (unsigned i = 0; i < started; i++)
            pthread_join(tids[i], NULL);
        free(tids);
    }
    free(order);
    pthread_mutex_destroy(&p.lock);
}

/* Whether `output` (an existing file) is the source file of a TU in `db`:
 * writing the report would destroy it. */
static int output_is_input(const char *output, const cl_compdb *db)
{
    struct stat os, is;
    if (stat(output, &os) != 0)
        return 0;
    for (size_t i = 0; i < db->n; i++)
        if (stat(db->cmds[i].file, &is) == 0 && is.st_dev == os.st_dev && is.st_ino == os.st_ino)
            return 1;
    return 0;
}

/* Whether -o `output` is a file some translation unit of `tus` (n, entries
 * may be NULL) read: a header it includes. */
static int output_is_read(const char *output, cl_tu *const *tus, size_t n)
{
    struct stat os, is;
    if (stat(output, &os) != 0)
        return 0;
    for (size_t i = 0; i < n; i++)
        for (size_t k = 0; tus[i] != NULL && k < tus[i]->nincludes; k++)
            if (stat(tus[i]->includes[k], &is) == 0 && is.st_dev == os.st_dev &&
                is.st_ino == os.st_ino)
                return 1;
    return 0;
}

/* Whether -o `output` is compile database `db` (a compile_commands.json or
 * its directory). */
static int output_is_database(const char *output, const char *db)
{
    struct stat os, ds;
    if (stat(output, &os) != 0 || stat(db, &ds) != 0)
        return 0;
    if (S_ISDIR(ds.st_mode)) {
        cl_strbuf file = { NULL, 0, 0 };
        cl_strbuf_addf(&file, "%s/compile_commands.json", db);
        int same = stat(cl_strbuf_str(&file), &ds) == 0 && ds.st_dev == os.st_dev &&
                   ds.st_ino == os.st_ino;
        cl_strbuf_release(&file);
        return same;
    }
    return ds.st_dev == os.st_dev && ds.st_ino == os.st_ino;
}

/* ---- the result cache ---------------------------------------------------- */

static int all_known(const uint64_t *digests, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (digests[i] == 0)
            return 0;
    return 1;
}

/* Every setting that changes what the rules report, as text (malloc'ed):
 * the effective configuration, where it was found (relative patterns are
 * taken against it) and the level each rule runs at (none: not run). */
static char *rule_settings(const cl_config *cfg, const cl_level *levels)
{
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    if (f == NULL)
        return cl_xstrdup("");
    cl_config_print(cfg, f);
    fprintf(f, "root=%s\n", cfg->root ? cfg->root : "");
    for (size_t i = 0; i < cl_nrules; i++)
        fprintf(f, "%s=%s\n", cl_rules[i]->id, cl_level_name(levels[i]));
    if (fclose(f) != 0) {
        free(text);
        return cl_xstrdup("");
    }
    return text;
}

/* The result key (result.h) of this run's summaries (`digests`, of the
 * entries `cmds`, `n` of each) and settings. The entries' configurations
 * count: they decide which variant a call links to. */
static uint64_t result_key(const cl_cache *cache, const uint64_t *digests,
                           const cl_compile_cmd *cmds, size_t n, const cl_config *cfg,
                           const cl_level *levels)
{
    char *settings = rule_settings(cfg, levels);
    cl_strbuf b = { NULL, 0, 0 };
    cl_strbuf_add(&b, settings);
    cl_strbuf_add(&b, "configs=");
    for (size_t i = 0; i < n; i++)
        cl_strbuf_addf(&b, "%u,", cmds[i].config);
    uint64_t key = cl_result_key(cache->build_id, digests, n, cl_strbuf_str(&b));
    cl_strbuf_release(&b);
    free(settings);
    return key;
}

/* Fills `findings` and `st` from the result entry `key`, and each tus[i]
 * that is NULL (a probed summary) with the TU's outcome; 1 when there was a
 * valid entry. */
static int reuse_result(cl_cache *cache, uint64_t key, cl_tu **tus, size_t n,
                        cl_findings *findings, cl_result_stats *st)
{
    size_t len = 0;
    unsigned char *buf = cl_cache_result_get(cache, key, &len);
    cl_tu **outcomes = cl_xcalloc(n + 1, sizeof *outcomes);
    int ok = buf != NULL && cl_result_read(buf, len, findings, st, outcomes, n) == 0;
    for (size_t i = 0; ok && i < n; i++) {
        if (tus[i] == NULL)
            tus[i] = outcomes[i];
        else
            cl_tu_free(outcomes[i]);
    }
    free(outcomes);
    free(buf);
    return ok;
}

static void keep_result(cl_cache *cache, uint64_t key, const cl_findings *findings,
                        const cl_result_stats *st, cl_tu *const *tus, size_t n)
{
    cl_strbuf b = { NULL, 0, 0 };
    cl_result_write(findings, st, (const cl_tu *const *)tus, n, &b);
    cl_cache_result_put(cache, key, b.s, b.len);
    cl_strbuf_release(&b);
}

/* Reports the first wanted TU (all when `wanted` is NULL) that has no
 * summary and was not probed: libclang could not be loaded, or (--link) no
 * directory has it. Returns 1 then. */
static int missing_summary(const cl_compdb *db, cl_tu *const *tus, const unsigned char *wanted,
                           const unsigned char *probed, const sources *src)
{
    char err[1024];
    for (size_t i = 0; i < db->n; i++) {
        if (tus[i] != NULL || (wanted != NULL && !wanted[i]) || (probed != NULL && probed[i]))
            continue;
        if (src->link == NULL && cl_frontend_load(err, sizeof err) != 0)
            error("%s", err);
        else
            error("no summary of '%s' in the --link directories (is a shard missing?)",
                  db->cmds[i].file);
        return 1;
    }
    return 0;
}

/* ---- the run -------------------------------------------------------------- */

typedef struct notevec {
    cl_notification *v;
    size_t n, cap;
} notevec;

static int is_header(const char *path)
{
    size_t n = strlen(path);
    return n > 2 && (strcmp(path + n - 2, ".h") == 0);
}

/* Length of the common directory prefix of two absolute paths. */
static size_t common_dirs(const char *a, const char *b)
{
    size_t last = 0;
    for (size_t i = 0; a[i] && a[i] == b[i]; i++)
        if (a[i] == '/')
            last = i + 1;
    return last;
}

/* The compile database entry that most likely includes header `h`: the .c
 * file with the same stem (foo.h -> foo.c), else the entry sharing the
 * longest directory prefix with it (the first one on ties). NULL when the
 * database is empty. */
static const cl_compile_cmd *entry_for_header(const cl_compdb *db, const char *h)
{
    const char *hb = cl_base_name(h);
    size_t hstem = strlen(hb) - 2;
    const cl_compile_cmd *best = NULL;
    size_t best_len = 0;
    for (size_t i = 0; i < db->n; i++) {
        const char *cb = cl_base_name(db->cmds[i].file);
        if (strlen(cb) == hstem + 2 && strncmp(cb, hb, hstem) == 0)
            return &db->cmds[i];
        size_t len = common_dirs(db->cmds[i].file, h);
        if (best == NULL || len > best_len) {
            best = &db->cmds[i];
            best_len = len;
        }
    }
    return best;
}

/* Appends the note "fmt..." to `notes` (one line; the driver prints it
 * and makes it a notification). */
static void add_note(cl_strvec *notes, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void add_note(cl_strvec *notes, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *line = cl_xmalloc(n > 0 ? (size_t)n + 1 : 1);
    line[0] = '\0';
    va_start(ap, fmt);
    if (n > 0)
        vsnprintf(line, (size_t)n + 1, fmt, ap);
    va_end(ap);
    cl_one_line(line);
    CL_VEC_PUSH(notes, line);
}

/* Whether the files named on the command line (`files`: absolute, and
 * every path given was a file) are analyzed in program scope: every TU of
 * the compile database `db` is linked and only the findings located in
 * these files are reported (docs/editors.md, "One file, whole program").
 * That needs each file to be a TU of `db` or a header; a file `db` does not
 * list makes the run per-file, with a note. --scope file, --shard and
 * --dump-ir are per-TU. */
static int program_scope(const cl_options *o, const cl_compdb *db, const pathvec *files,
                         const char *srcroot, cl_strvec *notes)
{
    if (o->scope_file || o->shard_count > 0 || o->dump_ir || files->n == 0)
        return 0;
    for (size_t i = 0; i < files->n; i++) {
        if (cl_compdb_find(db, files->v[i]) != NULL || is_header(files->v[i]))
            continue;
        char *rel = cl_report_relpath(files->v[i], srcroot);
        add_note(notes, "'%s' is not in the compile database: it is analyzed alone, with the "
                        "arguments after --, and findings that need other translation units "
                        "are not reported", rel != NULL ? rel : files->v[i]);
        free(rel);
        return 0;
    }
    return 1;
}

/* With --scope file: says how many TUs of the database `all` the run does
 * not use (those not in `kept`), naming the first. */
static void note_unused(const cl_compdb *all, const cl_compdb *kept, const char *srcroot,
                        cl_strvec *notes)
{
    size_t unused = 0;
    const char *first = NULL;
    for (size_t i = 0; i < all->n; i++)
        if (cl_compdb_find(kept, all->cmds[i].file) == NULL && unused++ == 0)
            first = all->cmds[i].file;
    if (unused == 0)
        return;
    char *rel = cl_report_relpath(first, srcroot);
    add_note(notes, "--scope file: %zu other translation unit%s of the compile database %s not "
                    "used ('%s'%s); findings that need %s are not reported", unused,
             unused == 1 ? "" : "s", unused == 1 ? "is" : "are", rel != NULL ? rel : first,
             unused > 1 ? ", ..." : "", unused == 1 ? "it" : "them");
    free(rel);
}

/* The translation units named by the command line (and the compile
 * database) into `db`, the files named into `files`; in program scope
 * (program_scope) the named files go to `focus` and `db` keeps every entry.
 * Notes for the user into `notes`. Returns 0, or -1 after an error line. */
static int collect_inputs(const cl_options *o, const char *cwd, const char *srcroot,
                          cl_compdb *db, pathvec *files, pathvec *focus, cl_strvec *notes)
{
    char err[512];
    int have_db = 0;
    if (o->compdb != NULL) {
        if (cl_compdb_load(db, o->compdb, err, sizeof err) != 0) {
            error("%s", err);
            return -1;
        }
        have_db = 1;
        if (o->output != NULL && output_is_database(o->output, o->compdb)) {
            error("'%s' is the compile database; it cannot also be the output", o->output);
            return -1;
        }
    } else if (!o->have_dashdash) {
        /* Look next to the inputs, then in . and ./build. */
        char *found = NULL;
        for (size_t i = 0; i < o->npaths && found == NULL; i++) {
            struct stat st;
            if (stat(o->paths[i], &st) == 0 && S_ISDIR(st.st_mode))
                found = cl_compdb_discover(o->paths[i]);
        }
        if (found == NULL)
            found = cl_compdb_discover(cwd);
        if (found != NULL) {
            if (cl_compdb_load(db, found, err, sizeof err) != 0) {
                error("%s", err);
                free(found);
                return -1;
            }
            have_db = 1;
            int clobbers = o->output != NULL && output_is_database(o->output, found);
            if (clobbers)
                error("'%s' is the compile database; it cannot also be the output", o->output);
            free(found);
            if (clobbers)
                return -1;
        }
    }
    /* Explicit paths: files as given, directories expanded. */
    pathvec roots = { NULL, 0, 0 };
    int only_files = 1;
    for (size_t i = 0; i < o->npaths; i++) {
        struct stat st;
        /* an unsaved buffer (--stdin-filename) need not exist on disk yet */
        int unsaved = 0;
        if (stat(o->paths[i], &st) != 0) {
            unsaved = errno == ENOENT && o->stdin_filename != NULL &&
                      strcmp(o->paths[i], o->stdin_filename) == 0;
            if (!unsaved) {
                error("cannot analyze '%s': %s", o->paths[i], strerror(errno));
                pathvec_release(&roots);
                return -1;
            }
        }
        char *abs = cl_path_normalize(o->paths[i], cwd);
        CL_VEC_PUSH(&roots, abs);
        if (unsaved) {
            CL_VEC_PUSH(files, cl_xstrdup(abs));
        } else if (S_ISDIR(st.st_mode)) {
            only_files = 0;
            /* With a compile database a directory selects its entries;
             * without one, its .c files. */
            if (!have_db) {
                pathvec found = { NULL, 0, 0 };
                walk_dir(o->paths[i], &found, 0);
                for (size_t k = 0; k < found.n; k++)
                    CL_VEC_PUSH(files, cl_path_normalize(found.v[k], cwd));
                pathvec_release(&found);
            }
        } else if (S_ISREG(st.st_mode)) {
            /* the database's spelling of the file, when it names it through
             * another path (a symlinked directory) */
            const cl_compile_cmd *same = have_db ? cl_compdb_find_same(db, abs) : NULL;
            CL_VEC_PUSH(files, cl_xstrdup(same != NULL ? same->file : abs));
        } else {
            error("cannot analyze '%s': not a regular file or directory", o->paths[i]);
            pathvec_release(&roots);
            return -1;
        }
    }
    if (have_db && only_files && program_scope(o, db, files, srcroot, notes)) {
        /* The whole program, reported for the named files only. */
        *focus = *files;
        memset(files, 0, sizeof *files);
        pathvec_release(&roots);
    }
    if (have_db) {
        /* Keep the database entries under the given paths (all when no path
         * was given), then add given files the database does not know. */
        cl_compdb kept;
        memset(&kept, 0, sizeof kept);
        for (size_t i = 0; i < db->n; i++) {
            int keep = roots.n == 0;
            for (size_t r = 0; r < roots.n && !keep; r++)
                keep = under(db->cmds[i].file, roots.v[r]);
            if (keep)
                cl_compdb_add_cmd(&kept, &db->cmds[i]);
        }
        for (size_t i = 0; i < files->n; i++) {
            if (cl_compdb_find(db, files->v[i]) != NULL || cl_compdb_find(&kept, files->v[i]) != NULL)
                continue;
            /* A header is not a translation unit: analyze the database
             * entry most likely to include it instead. */
            const cl_compile_cmd *tu = is_header(files->v[i]) ? entry_for_header(db, files->v[i]) : NULL;
            if (tu != NULL) {
                if (cl_compdb_find(&kept, tu->file) == NULL)
                    cl_compdb_add_cmd(&kept, tu);
                if (!o->quiet)
                    fprintf(stderr, "conc-lint: note: '%s' is a header; analyzing '%s', which "
                                    "the compile database lists, instead\n", files->v[i], tu->file);
                continue;
            }
            cl_compdb_add_file(&kept, files->v[i], cwd, o->extra_args, o->nextra);
        }
        if (o->scope_file)
            note_unused(db, &kept, srcroot, notes);
        kept.nentries = db->nentries;
        kept.warnings = db->warnings;
        kept.nwarnings = db->nwarnings;
        db->warnings = NULL;
        db->nwarnings = 0;
        cl_compdb_release(db);
        *db = kept;
    } else {
        for (size_t i = 0; i < files->n; i++)
            if (cl_compdb_find(db, files->v[i]) == NULL)
                cl_compdb_add_file(db, files->v[i], cwd, o->extra_args, o->nextra);
    }
    pathvec_release(&roots);
    return 0;
}

/* Colour for text on stdout: --color=always, or auto on a terminal unless
 * TERM=dumb or NO_COLOR is set (https://no-color.org). */
static int use_color(const cl_options *o)
{
    if (o->color == 1)
        return 1;
    if (o->color == 2 || o->output != NULL || !isatty(STDOUT_FILENO) ||
        getenv("NO_COLOR") != NULL)
        return 0;
    const char *term = getenv("TERM");
    return term == NULL || strcmp(term, "dumb") != 0;
}

/* Writes the report to -o (atomically: on failure the file is as it was)
 * or standard output. Returns 0, or -1 after one line on stderr. */
static int write_report(const cl_options *o, const cl_report *r)
{
    char buf[128];
    errno = 0;
    if (o->output != NULL) {
        if (cl_report_write_file(o->output, o->format, r) != 0) {
            error("cannot write '%s': %s", o->output,
                  cl_report_errno_text(errno ? errno : EIO, buf, sizeof buf));
            return -1;
        }
        return 0;
    }
    if (cl_report_write(stdout, o->format, r) != 0 || fflush(stdout) != 0 || ferror(stdout)) {
        error("cannot write the report to standard output: %s",
              cl_report_errno_text(errno ? errno : EIO, buf, sizeof buf));
        return -1;
    }
    return 0;
}

/* Loads --config, else the nearest .conc-lint.json above the first path
 * to analyze (its directory, or itself when it is one: `conc-lint
 * ~/proj/src/a.c` from elsewhere uses the project's file, as clang-tidy
 * finds .clang-tidy) or, with no path, above the compile database of -p
 * (so that `-p DIR` and `-p DIR FILE` read the same file), else the
 * nearest one above the working directory;
 * each search stops at the repository root or $HOME and takes only files
 * of this user or root (cl_config_find). Returns 0, or -1 after printing
 * the error. */
static int load_config(const cl_options *o, const char *cwd, cl_config *cfg)
{
    char err[1024];
    char *path = NULL, *ignored = NULL;
    if (o->config_path != NULL) {
        path = cl_xstrdup(o->config_path);
    } else {
        int found = 0;
        const char *first = o->npaths > 0 ? o->paths[0] : o->compdb;
        if (first != NULL) {
            struct stat st;
            char *start = cl_path_normalize(first, cwd);
            if (stat(start, &st) == 0 && !S_ISDIR(st.st_mode))
                *strrchr(start, '/') = '\0'; /* normalized: absolute, has a '/' */
            found = cl_config_find(start[0] != '\0' ? start : "/", &path, &ignored);
            free(start);
        }
        if (!found) {
            char *also = NULL;
            found = cl_config_find(cwd, &path, &also);
            if (ignored == NULL)
                ignored = also;
            else
                free(also);
        }
        if (ignored != NULL)
            fprintf(stderr, "conc-lint: warning: '%s' is owned by another user and is not used "
                            "(pass it with --config to use it)\n", ignored);
        free(ignored);
        if (!found)
            return 0;
    }
    int rc = cl_config_load(cfg, path, err, sizeof err);
    if (rc != 0)
        error("%s", err);
    free(path);
    return rc;
}

static int path_selected(void *cfg, const cl_compile_cmd *cmd)
{
    return cl_config_path_selected(cfg, cmd->file);
}

/* Drops the translation units the config's include/exclude patterns do not
 * select. */
static void select_paths(cl_config *cfg, cl_compdb *db)
{
    cl_compdb_filter(db, path_selected, cfg);
}

/* The state of one run, shared by its phases (cl_driver_run). Each phase
 * returns 0 to go on, or 1 when the run ends there with `rc` set; whatever
 * a phase allocated is freed by run_release. */
typedef struct run {
    const cl_options *o;
    int rc;
    char cwd[4096];
    double t_start, t_parse, t_link, t_rules, t_report; /* phase starts (--stats) */
    cl_config cfg;
    cl_baseline baseline;
    int have_baseline;
    char *srcroot;
    cl_strvec note_lines;         /* the run's own notes (skip_tus, collect_inputs) */
    cl_compdb db;                 /* the translation units, in input order */
    pathvec files;
    pathvec focus;                /* program scope: report only these files (program_scope) */
    cl_strbuf stdin_text;         /* --stdin-filename: the buffer read from standard input */
    cl_unsaved unsaved;           /* ... and the TU file it stands for (file malloc'ed) */
    size_t focus_tus, focus_clean; /* TUs of focus files; those parsed without errors */
    unsigned jobs;
    cl_cache cache;
    cl_cache *links;
    size_t nlinks_open;
    sources src;
    unsigned char *wanted;        /* --shard: wanted[i] when this shard owns db.cmds[i] */
    int probing;                  /* summaries are probed first (see summarize) */
    cl_tu **tus;                  /* tus[i]: summary of db.cmds[i] */
    uint64_t *digests;
    unsigned char *probed;
    parse_time cpu;
    cl_level *levels;             /* levels[i]: what cl_rules[i] runs at */
    unsigned char *active;        /* active[i]: cl_rules[i] runs */
    int reused;                   /* findings came from a result entry */
    size_t parsed, clean;         /* TUs parsed; parsed without errors */
    cl_callspecs specs;
    cl_model model;
    int have_model;
    double *rule_seconds;         /* --stats: each rule's wall time */
    double suppress_seconds;
    cl_result_stats rstats;
    cl_findings findings;
    notevec notes;
    cl_suppress_report sup;
    const cl_baseline_entry **absent;
    size_t nabsent;
} run;

static int stop(run *r, int rc)
{
    r->rc = rc;
    return 1;
}

/* The TUs skipped for one reason (skip_tus). */
typedef struct skip_count {
    const char *why;      /* static: a language or a generator */
    size_t n;
    char *first;          /* the first such file, as a report path */
} skip_count;

typedef struct skip_counts {
    skip_count *v;
    size_t n, cap;
    const char *srcroot;
    const char *(*why)(const cl_compile_cmd *cmd); /* NULL: keep the TU */
} skip_counts;

static int keep_tu(void *arg, const cl_compile_cmd *cmd)
{
    skip_counts *sc = arg;
    const char *why = sc->why(cmd);
    if (why == NULL)
        return 1;
    size_t k = 0;
    while (k < sc->n && strcmp(sc->v[k].why, why) != 0)
        k++;
    if (k == sc->n) {
        char *rel = cl_report_relpath(cmd->file, sc->srcroot);
        skip_count c = { why, 0, rel != NULL ? rel : cl_xstrdup(cmd->file) };
        CL_VEC_PUSH(sc, c);
    }
    sc->v[k].n++;
    return 0;
}

/* Drops the TUs for which why(cmd) gives a reason, and says so in one line
 * on stderr and one notification: "N translation units are WHAT and were
 * skipped: 2 REASON ('first', ...), ...", then `hint`. */
static void skip_tus(run *r, const char *(*why)(const cl_compile_cmd *), const char *what,
                     const char *hint)
{
    skip_counts sc = { NULL, 0, 0, r->srcroot, why };
    cl_compdb_filter(&r->db, keep_tu, &sc);
    if (sc.n == 0)
        return;
    size_t total = 0;
    for (size_t k = 0; k < sc.n; k++)
        total += sc.v[k].n;
    cl_strbuf b = { NULL, 0, 0 };
    cl_strbuf_addf(&b, "%zu translation unit%s %s and %s skipped:", total,
                   total == 1 ? " is" : "s are", what, total == 1 ? "was" : "were");
    for (size_t k = 0; k < sc.n; k++) {
        cl_strbuf_addf(&b, "%s %zu %s ('%s'%s)", k ? "," : "", sc.v[k].n, sc.v[k].why,
                       sc.v[k].first, sc.v[k].n > 1 ? ", ..." : "");
        free(sc.v[k].first);
    }
    free(sc.v);
    cl_strbuf_add(&b, hint);
    cl_one_line(b.s);
    CL_VEC_PUSH(&r->note_lines, b.s);
    cl_notification nt = { CL_DIAG_NOTE, { NULL, 0, 0 }, b.s };
    CL_VEC_PUSH(&r->notes, nt);
    if (!r->o->quiet)
        fprintf(stderr, "conc-lint: note: %s\n", b.s);
}

static const char *generated_by(const cl_compile_cmd *cmd)
{
    return cl_generated_by(cmd->file);
}


/* Everything that can be wrong with the invocation is checked before the
 * (long) analysis: configuration, output path, --srcroot, baseline. */
static int check_invocation(run *r)
{
    const cl_options *o = r->o;
    char err[1024];
    if (load_config(o, r->cwd, &r->cfg) != 0)
        return stop(r, CL_EXIT_USAGE);
    if (o->print_config) {
        cl_config_print(&r->cfg, stdout);
        return stop(r, CL_EXIT_OK);
    }
    if (o->output != NULL && cl_report_check_output(o->output, err, sizeof err) != 0) {
        error("%s", err);
        return stop(r, CL_EXIT_USAGE);
    }
    if (o->srcroot != NULL) {
        struct stat st;
        if (stat(o->srcroot, &st) != 0 || !S_ISDIR(st.st_mode)) {
            error("--srcroot '%s' is not a directory", o->srcroot);
            return stop(r, CL_EXIT_USAGE);
        }
    }
    r->srcroot = cl_path_normalize(o->srcroot ? o->srcroot : ".", r->cwd);
    if (o->baseline_path != NULL) {
        if (cl_baseline_load(&r->baseline, o->baseline_path, err, sizeof err) != 0) {
            error("%s", err);
            return stop(r, CL_EXIT_USAGE);
        }
        r->have_baseline = 1;
    }
    return 0;
}

/* The translation units to analyze, in input order, into r->db; the
 * database's warnings become notifications. */
static int plan_inputs(run *r)
{
    const cl_options *o = r->o;
    cl_strvec notes = { NULL, 0, 0 };
    int rc = collect_inputs(o, r->cwd, r->srcroot, &r->db, &r->files, &r->focus, &notes);
    for (size_t i = 0; i < notes.n; i++) {
        cl_notification nt = { CL_DIAG_NOTE, { NULL, 0, 0 }, notes.v[i] };
        CL_VEC_PUSH(&r->notes, nt);
        CL_VEC_PUSH(&r->note_lines, notes.v[i]);
        if (!o->quiet)
            fprintf(stderr, "conc-lint: note: %s\n", notes.v[i]);
    }
    free(notes.v);
    if (rc != 0)
        return stop(r, CL_EXIT_USAGE);
    select_paths(&r->cfg, &r->db);
    skip_tus(r, cl_compile_cmd_language, "not C", "");
    if (!o->analyze_generated && !r->cfg.analyze_generated)
        skip_tus(r, generated_by, "generated", "; --analyze-generated analyzes them");
    if (o->output != NULL && output_is_input(o->output, &r->db)) {
        error("'%s' is one of the files to analyze; it cannot also be the output", o->output);
        return stop(r, CL_EXIT_USAGE);
    }
    for (size_t i = 0; i < r->db.nwarnings; i++) {
        cl_notification nt = { CL_DIAG_WARNING, { NULL, 0, 0 }, r->db.warnings[i] };
        CL_VEC_PUSH(&r->notes, nt);
        fprintf(stderr, "conc-lint: warning: %s\n", r->db.warnings[i]);
    }
    if (r->db.n > 0)
        return 0;
    if (o->compdb != NULL && o->npaths == 0 && r->db.nentries == 0)
        error("compile database '%s' is an empty array: it lists no file to compile", o->compdb);
    else if (o->compdb != NULL && o->npaths == 0)
        error("compile database '%s' has no usable entry: its %zu %s skipped (the lines above "
              "say why)%s", o->compdb, r->db.nentries,
              r->db.nentries == 1 ? "entry was" : "entries were",
              r->cfg.path != NULL ? " or left out by the config's include/exclude" : "");
    else if (o->npaths > 0)
        error("nothing to analyze: no C file%s under the given paths%s",
              o->compdb != NULL ? " of the compile database" : "",
              r->cfg.path != NULL ? " (or the config's include/exclude removed them)" : "");
    else
        error("no input files: name C files or directories, or a compile database with -p");
    return stop(r, CL_EXIT_USAGE);
}

/* Standard input, whole, into `out` (at most CL_STDIN_MAX_BYTES). Returns
 * 0, or -1 after an error line. */
static int read_stdin(cl_strbuf *out)
{
    char chunk[65536];
    for (;;) {
        ssize_t got = read(STDIN_FILENO, chunk, sizeof chunk);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0) {
            error("cannot read standard input (--stdin-filename): %s", strerror(errno));
            return -1;
        }
        if (got == 0)
            return 0;
        if (out->len + (size_t)got > CL_STDIN_MAX_BYTES) {
            error("standard input (--stdin-filename) is larger than %zu bytes",
                  (size_t)CL_STDIN_MAX_BYTES);
            return -1;
        }
        cl_strbuf_addn(out, chunk, (size_t)got);
    }
}

/* --stdin-filename FILE: reads the buffer, which must stand for a TU of
 * the run, and makes it FILE's contents for the parse (sources.unsaved)
 * and for what reads sources for the report (cl_read_file_overlay). The
 * buffers of an in-process caller (cl_options.unsaved) are taken the same
 * way, without the checks: one that is not a TU is not used. */
static int read_unsaved(run *r)
{
    const char *name = r->o->stdin_filename;
    for (size_t k = 0; k < r->o->nunsaved; k++)
        cl_read_file_overlay(r->o->unsaved[k].file, r->o->unsaved[k].data, r->o->unsaved[k].len);
    r->src.unsaved = r->o->unsaved;
    r->src.nunsaved = r->o->nunsaved;
    if (name == NULL)
        return 0;
    char *file = cl_path_normalize(name, r->cwd);
    const cl_compile_cmd *tu = cl_compdb_find_same(&r->db, file);
    if (tu != NULL && strcmp(tu->file, file) != 0) { /* the database's spelling */
        free(file);
        file = cl_xstrdup(tu->file);
    }
    r->unsaved.file = file;
    if (tu == NULL) {
        error("--stdin-filename '%s' is not a translation unit of this run (a header, a file "
              "that is not C, or one the configuration excludes): only a C source file can be "
              "read from standard input", name);
        return stop(r, CL_EXIT_USAGE);
    }
    if (read_stdin(&r->stdin_text) != 0)
        return stop(r, CL_EXIT_USAGE);
    r->unsaved.data = r->stdin_text.s != NULL ? r->stdin_text.s : "";
    r->unsaved.len = r->stdin_text.len;
    r->src.unsaved = &r->unsaved;
    r->src.nunsaved = 1;
    cl_read_file_overlay(file, r->unsaved.data, r->unsaved.len);
    return 0;
}

/* Opens where summaries come from besides parsing (the --link directories
 * or the cache) and, for --shard, marks the TUs this shard owns. */
static int open_sources(run *r)
{
    const cl_options *o = r->o;
    char err[1024];
    r->jobs = o->jobs ? o->jobs : cpu_count();
    int timeout = o->tu_timeout >= 0 ? o->tu_timeout : r->cfg.tu_timeout;
    int memory = o->tu_memory >= 0 ? o->tu_memory : r->cfg.tu_memory;
    r->src.limits.timeout_s = (unsigned)(timeout >= 0 ? timeout : CL_DEFAULT_TU_TIMEOUT);
    r->src.limits.memory_mb = (unsigned)(memory >= 0 ? memory : CL_DEFAULT_TU_MEMORY);
    r->tus = cl_xcalloc(r->db.n, sizeof *r->tus);
    r->digests = cl_xcalloc(r->db.n, sizeof *r->digests);
    r->probed = cl_xcalloc(r->db.n + 1, 1);
    if (o->nlink > 0) {
        r->links = cl_xcalloc(o->nlink, sizeof *r->links);
        for (size_t k = 0; k < o->nlink; k++) {
            struct stat lst;
            if (stat(o->link_dirs[k], &lst) != 0 || !S_ISDIR(lst.st_mode)) {
                error("--link '%s' is not a directory of summaries", o->link_dirs[k]);
                return stop(r, CL_EXIT_USAGE);
            }
            if (cl_cache_open(&r->links[k], o->link_dirs[k], 0, err, sizeof err) != 0) {
                error("%s", err);
                return stop(r, CL_EXIT_USAGE);
            }
            r->nlinks_open++;
        }
        r->src.link = r->links;
        r->src.nlink = o->nlink;
    } else if (o->cache_dir != NULL) {
        if (cl_cache_open(&r->cache, o->cache_dir, 1, err, sizeof err) == 0) {
            r->src.cache = &r->cache;
        } else if (o->shard_count > 0) {
            error("%s", err); /* a shard's only output is its summaries */
            return stop(r, CL_EXIT_USAGE);
        } else if (cl_cache_open(&r->cache, o->cache_dir, 0, err, sizeof err) == 0) {
            r->src.cache = &r->cache;
            fprintf(stderr, "conc-lint: warning: the cache directory '%s' is not writable; "
                            "cached summaries are used, new ones are not written\n",
                    o->cache_dir);
        } else {
            fprintf(stderr, "conc-lint: warning: %s; running without a cache\n", err);
        }
    }
    r->src.keep = o->keep;
    if (o->shard_count > 0) {
        r->wanted = cl_xcalloc(r->db.n + 1, 1);
        for (size_t i = 0; i < r->db.n; i++)
            r->wanted[i] = i % o->shard_count == o->shard_index - 1;
    }
    return 0;
}

/* The level each rule runs at, from the config and --enable/--disable. */
static void choose_rules(run *r)
{
    r->levels = cl_xcalloc(cl_nrules + 1, sizeof *r->levels);
    r->active = cl_xcalloc(cl_nrules + 1, 1);
    for (size_t i = 0; i < cl_nrules; i++) {
        unsigned char sel = r->o->enabled != NULL ? r->o->enabled[i] : 1;
        cl_level level = cl_config_rule_level(&r->cfg, i, cl_rules[i]->default_level);
        if (level == CL_LEVEL_NONE && sel == 2)
            level = cl_rules[i]->default_level;
        r->levels[i] = sel == 0 ? CL_LEVEL_NONE : level;
        r->active[i] = r->levels[i] != CL_LEVEL_NONE;
    }
}

/* Phase 1: a summary of every TU, in parallel. With a cache, summaries are
 * only probed (or parsed and stored) at first: a run whose findings come
 * from a result entry never reads one, and the others read them back only
 * once all are summarized. With an unsaved buffer, whose summary is new
 * most of the time, they are read at once instead, beside its parse. */
static int summarize(run *r)
{
    const cl_options *o = r->o;
    r->probing = r->src.cache != NULL && !o->dump_ir;
    int probe_first = r->probing && r->src.nunsaved == 0;
    r->src.keep_parsed = o->shard_count == 0;
    r->t_parse = cl_now_seconds();
    size_t nwanted = 0;
    for (size_t i = 0; i < r->db.n; i++)
        nwanted += r->wanted == NULL || r->wanted[i];
    cl_progress progress;
    int mode = o->quiet || o->verify || o->dump_ir ? CL_PROGRESS_NEVER : o->progress;
    cl_progress_init(&progress, stderr, isatty(STDERR_FILENO), (cl_progress_mode)mode, nwanted);
    summarize_all(r->db.cmds, r->db.n, r->wanted, &r->src,
                  probe_first ? CL_FETCH_PROBE : CL_FETCH_READ, r->jobs, r->tus, r->digests,
                  r->probed, &r->cpu, &progress);
    cl_progress_finish(&progress);
    if (missing_summary(&r->db, r->tus, r->wanted, r->probed, &r->src))
        return stop(r, CL_EXIT_FAILED);
    choose_rules(r);
    if (r->probing && o->shard_count == 0 && all_known(r->digests, r->db.n))
        r->reused = reuse_result(&r->cache,
                                 result_key(&r->cache, r->digests, r->db.cmds, r->db.n, &r->cfg, r->levels),
                                 r->tus, r->db.n, &r->findings, &r->rstats);
    if (!r->reused && o->shard_count == 0) {
        summarize_all(r->db.cmds, r->db.n, r->probed, &r->src, CL_FETCH_LOAD, r->jobs, r->tus,
                      r->digests, r->probed, &r->cpu, NULL);
        if (missing_summary(&r->db, r->tus, NULL, NULL, &r->src))
            return stop(r, CL_EXIT_FAILED);
    }
    /* (with the findings from the result cache the summaries are not read:
     * a run that stored them was checked) */
    if (o->output != NULL && output_is_read(o->output, r->tus, r->db.n)) {
        error("'%s' is a file the analysis reads (a translation unit includes it); it cannot "
              "also be the output", o->output);
        return stop(r, CL_EXIT_USAGE);
    }
    r->t_link = cl_now_seconds();
    return 0;
}

/* Whether `file` (a path as summaries and findings name it) is one of the
 * files a program-scope run reports (r->focus). */
static int in_focus(const run *r, const char *file)
{
    if (file == NULL)
        return 0;
    char *norm = cl_path_normalize(file, r->cwd);
    int found = 0;
    for (size_t i = 0; i < r->focus.n && !found; i++)
        found = strcmp(norm, r->focus.v[i]) == 0;
    free(norm);
    return found;
}

/* The TUs' parse diagnostics: notifications, and on stderr the first
 * MAX_CLANG_SHOWN of clang's and every one of conc-lint's own (in program
 * scope only those of the focus files' TUs: the others are counted by
 * end_after_summaries); counts the TUs parsed and those parsed without
 * errors. clang's come as errors only (the frontend parses with -w); a
 * warning is conc-lint's own (a nesting bound, a TU skipped at a limit),
 * one per TU, and is never hidden behind the cap (a new user's report: the
 * nesting warning was, behind repeated parse errors). */
static int take_diagnostics(run *r)
{
    enum { MAX_CLANG_SHOWN = 20 };
    size_t nclang = 0;
    for (size_t i = 0; i < r->db.n; i++) {
        const cl_tu *tu = r->tus[i];
        if (tu == NULL)
            continue;
        if (tu->parsed)
            r->parsed++;
        int focus = in_focus(r, r->db.cmds[i].file);
        int errors = 0;
        for (size_t k = 0; k < tu->ndiags; k++) {
            const cl_diag *d = &tu->diags[k];
            const char *level = cl_report_diag_level_name(d->level);
            cl_notification nt = { d->level, d->loc, d->message };
            CL_VEC_PUSH(&r->notes, nt);
            errors += d->level == CL_DIAG_ERROR;
            if ((r->focus.n > 0 && !focus) ||
                (d->level == CL_DIAG_ERROR && ++nclang > MAX_CLANG_SHOWN))
                continue;
            int at = d->loc.file != NULL && d->loc.line > 0;
            const char *file = at ? d->loc.file : tu->main_file;
            char *rel = cl_report_relpath(file, r->srcroot); /* as the findings say it */
            if (at)
                fprintf(stderr, "%s:%u:%u: %s: %s\n", rel ? rel : file, d->loc.line, d->loc.col,
                        level, d->message);
            else
                fprintf(stderr, "%s: %s: %s\n", rel ? rel : file, level, d->message);
            free(rel);
        }
        if (tu->parsed && errors == 0)
            r->clean++;
        r->focus_tus += (size_t)focus;
        r->focus_clean += (size_t)(focus && tu->parsed && errors == 0);
    }
    if (nclang > MAX_CLANG_SHOWN)
        fprintf(stderr, "conc-lint: %zu more parse error%s not shown (%s)\n",
                nclang - MAX_CLANG_SHOWN, nclang - MAX_CLANG_SHOWN == 1 ? "" : "s",
                r->o->format == CL_FMT_TEXT || r->o->format == CL_FMT_GITHUB
                    ? "-f sarif, json or html lists them all"
                    : "all are in the report");
    return 0;
}

/* `one` for a count of 1, else `many` (for --stats' counts). */
static const char *noun(size_t n, const char *one, const char *many)
{
    return n == 1 ? one : many;
}

/* --stats: how the `ntus` TUs of the run got their summaries, and the
 * worker count, on stderr (no newline). */
static void print_tu_counts(const run *r, size_t ntus)
{
    fprintf(stderr, "%zu %s (%zu parsed, %zu from the cache, %zu skipped at a limit or crash), "
                    "%u %s", ntus, noun(ntus, "TU", "TUs"), r->cpu.parsed, r->cpu.cached,
            r->cpu.skipped, r->jobs, noun(r->jobs, "job", "jobs"));
}

/* --stats: the cache's line (none without a cache). */
static void print_cache_counts(const run *r)
{
    if (r->src.cache != NULL)
        fprintf(stderr, "conc-lint: cache '%s': %zu %s, %zu %s, %zu stored\n", r->cache.dir,
                r->cache.hits, noun(r->cache.hits, "hit", "hits"), r->cache.misses,
                noun(r->cache.misses, "miss", "misses"), r->cache.stores);
}

/* --stats of a --shard run, which ends after phase 1: its `ntus` TUs, the
 * time spent, the cache's counts. */
static void print_shard_stats(const run *r, size_t ntus)
{
    if (!r->o->stats)
        return;
    fprintf(stderr, "conc-lint: shard %u/%u: ", r->o->shard_index, r->o->shard_count);
    print_tu_counts(r, ntus);
    fprintf(stderr, "; wall: summarize %.3fs, total %.3fs; per-TU time summed over workers: "
                    "parse %.3fs, lower %.3fs\n", r->t_link - r->t_parse,
            cl_now_seconds() - r->t_start, r->cpu.parse, r->cpu.lower);
    print_cache_counts(r);
}

/* Runs that end after phase 1: a --shard, --dump-ir, and a run where no TU
 * could be parsed. */
static int end_after_summaries(run *r)
{
    const cl_options *o = r->o;
    if (o->shard_count > 0) {
        size_t n = 0;
        for (size_t i = 0; i < r->db.n; i++)
            n += r->wanted[i];
        size_t have = r->cache.stores + r->cache.hits;
        if (have < n) {
            error("shard %u/%u: only %zu of %zu summaries could be written to '%s'", o->shard_index,
                  o->shard_count, have, n, o->cache_dir);
            return stop(r, CL_EXIT_FAILED);
        }
        fprintf(stderr, "conc-lint: shard %u/%u: %zu of %zu translation units summarized into '%s'\n",
                o->shard_index, o->shard_count, n, r->db.n, o->cache_dir);
        print_shard_stats(r, n);
        return stop(r, CL_EXIT_OK);
    }
    if (o->dump_ir) {
        for (size_t i = 0; i < r->db.n; i++)
            cl_ir_dump(stdout, r->tus[i]);
        return stop(r, CL_EXIT_OK);
    }
    if (r->parsed == 0) {
        error("no translation unit could be parsed (%zu tried)", r->db.n);
        return stop(r, CL_EXIT_FAILED);
    }
    if (r->clean < r->db.n)
        fprintf(stderr, "conc-lint: warning: %zu of %zu translation units had parse errors%s; "
                        "findings in them may be incomplete\n", r->db.n - r->clean, r->db.n,
                r->cpu.skipped > 0 ? " or were skipped" : "");
    return 0;
}

/* Phase 2: link the summaries into the whole-program model and run the
 * active rules on it, unless the findings came from a result entry; then
 * file them under the result key for the next run. */
static int link_and_run_rules(run *r)
{
    if (r->reused) {
        if (r->rstats.truncated > 0) {
            cl_notification nt = { CL_DIAG_WARNING, { NULL, 0, 0 },
                                   "thread walks reached their step budget when these findings "
                                   "were computed (run with --no-cache to see which); findings "
                                   "may be missing" };
            CL_VEC_PUSH(&r->notes, nt);
        }
        r->t_rules = cl_now_seconds();
        r->rule_seconds = cl_xcalloc(cl_nrules + 1, sizeof *r->rule_seconds);
        return 0;
    }
    cl_config_add_callspecs(&r->cfg, &r->specs);
    for (size_t i = 0; i < r->db.n; i++)
        if (r->tus[i] != NULL) {
            r->tus[i]->config = r->db.cmds[i].config;
            r->tus[i]->macros = r->db.cmds[i].macros;
        }
    cl_model_link(&r->model, (const cl_tu *const *)r->tus, r->db.n, &r->specs,
                  r->cfg.walk_budget);
    r->have_model = 1;
    /* The rules that read only the call graph first, so that they run
     * beside the thread walks; the others once the model is whole, on up
     * to -j threads. Each rule's findings are taken in rule order. */
    cl_rule_job *jobs = cl_xcalloc(cl_nrules + 1, sizeof *jobs);
    size_t njobs = 0, nearly = 0;
    for (int early = 1; early >= 0; early--)
        for (size_t i = 0; i < cl_nrules; i++) {
            if (!r->active[i] || (cl_rules[i]->callgraph_only != 0) != early)
                continue;
            cl_rule_job *j = &jobs[njobs++];
            j->ctx.rule = cl_rules[i];
            j->ctx.rule_index = i;
            j->ctx.level = r->levels[i];
            j->ctx.config = &r->cfg;
            nearly += (size_t)early;
        }
    unsigned threads = r->jobs > 1 ? r->jobs - 1 : 0;
    cl_rule_batch *beside = cl_rules_start(&r->model, jobs, nearly, threads > 0);
    cl_model_walk(&r->model);
    r->t_rules = cl_now_seconds();
    cl_rule_batch *after = cl_rules_start(&r->model, jobs + nearly, njobs - nearly, threads);
    cl_rules_wait(after);
    cl_rules_wait(beside);
    r->rule_seconds = cl_xcalloc(cl_nrules + 1, sizeof *r->rule_seconds);
    for (size_t i = 0; i < cl_nrules; i++)
        for (size_t k = 0; k < njobs; k++)
            if (jobs[k].ctx.rule_index == i) {
                cl_findings_take(&r->findings, &jobs[k].found);
                r->rule_seconds[i] = jobs[k].seconds;
            }
    free(jobs);
    cl_rules_fold(&r->findings);
    cl_findings_sort(&r->findings);
    r->rstats.functions = r->model.cg.funcs.n;
    r->rstats.threads = r->model.threads.n;
    r->rstats.accesses = r->model.accesses.n;
    r->rstats.truncated = r->model.truncated.n;
    r->rstats.spawn_sites = cl_model_spawn_site_count(&r->model);
    r->rstats.resolved_sites = cl_model_resolved_sites(&r->model);
    r->rstats.unresolved_calls = r->model.unresolved.n;
    for (size_t i = 0; i < r->model.truncated.n; i++) {
        cl_notification nt = { CL_DIAG_WARNING, { NULL, 0, 0 },
                               cl_model_truncation_note(&r->model, r->model.truncated.v[i]) };
        CL_VEC_PUSH(&r->notes, nt);
        fprintf(stderr, "conc-lint: warning: %s\n", nt.message);
    }
    if (r->probing && all_known(r->digests, r->db.n))
        keep_result(&r->cache, result_key(&r->cache, r->digests, r->db.cmds, r->db.n, &r->cfg, r->levels),
                    &r->findings, &r->rstats, r->tus, r->db.n);
    return 0;
}

/* Says when cache entries could not be written (a full disk, a file-size
 * limit): the run is complete, the next one parses those TUs again. */
static int check_cache_writes(run *r)
{
    if (r->src.cache == NULL || r->cache.write_failures == 0)
        return 0;
    char buf[128];
    fprintf(stderr, "conc-lint: warning: %zu cache entr%s could not be written to '%s': %s; the "
                    "next run parses those translation units again\n",
            r->cache.write_failures, r->cache.write_failures == 1 ? "y" : "ies", r->cache.dir,
            cl_report_errno_text(r->cache.write_errno, buf, sizeof buf));
    return 0;
}

/* Program scope: keeps only the findings whose primary location is in a
 * focus file, after the whole program's findings were filed in the result
 * cache (the same entry serves the whole-program run). Related locations
 * and thread flows in other files stay. */
static int focus_findings(run *r)
{
    if (r->focus.n == 0)
        return 0;
    size_t kept = 0;
    for (size_t i = 0; i < r->findings.list.n; i++)
        if (in_focus(r, r->findings.list.v[i].loc.file))
            r->findings.list.v[kept++] = r->findings.list.v[i];
    r->findings.list.n = kept;
    return 0;
}

/* The source files the report covers (suppression scan, --verify): the
 * focus files in program scope, else the TUs' files, in input order. The
 * caller frees the array (not the strings); *n gets its length. */
static char **tu_files(const run *r, size_t *n)
{
    const cl_compdb *db = &r->db;
    *n = r->focus.n > 0 ? r->focus.n : db->n;
    char **files = cl_xcalloc(*n + 1, sizeof *files);
    for (size_t i = 0; i < *n; i++)
        files[i] = r->focus.n > 0 ? r->focus.v[i] : db->cmds[i].file;
    return files;
}

/* Program scope: drops the absent baseline results located in other files
 * (this run did not report on them). */
static void focus_absent(run *r)
{
    size_t kept = 0;
    for (size_t i = 0; i < r->nabsent; i++) {
        const cl_baseline_entry *e = r->absent[i];
        char *path = e->uri != NULL ? cl_path_normalize(e->uri, r->srcroot) : NULL;
        if (path != NULL && in_focus(r, path))
            r->absent[kept++] = e;
        free(path);
    }
    r->nabsent = kept;
}

/* Applies inline suppressions (their notes become notifications) and marks
 * each finding new or unchanged against the baseline. */
static int suppress_and_classify(run *r)
{
    size_t nfiles;
    char **files = tu_files(r, &nfiles);
    double t0 = cl_now_seconds();
    cl_suppress_apply(&r->findings, files, nfiles, r->active, &r->sup);
    r->suppress_seconds = cl_now_seconds() - t0;
    free(files);
    for (size_t i = 0; i < r->sup.notes.n && !r->o->verify && !r->o->quiet; i++) {
        const cl_suppress_note *sn = &r->sup.notes.v[i];
        cl_notification nt = { CL_DIAG_NOTE, sn->loc, sn->message };
        CL_VEC_PUSH(&r->notes, nt);
        if (sn->loc.line > 0) {
            /* the file as the findings show it: relative to the source root */
            char *rel = cl_report_relpath(sn->loc.file, r->srcroot);
            fprintf(stderr, "%s:%u:%u: note: %s\n", rel ? rel : sn->loc.file, sn->loc.line,
                    sn->loc.col, sn->message);
            free(rel);
        } else
            fprintf(stderr, "conc-lint: note: %s\n", sn->message);
    }
    if (r->have_baseline) {
        for (size_t i = 0; i < r->findings.list.n; i++) {
            cl_finding *f = &r->findings.list.v[i];
            char fp[32];
            cl_report_fingerprint(f, r->srcroot, fp, sizeof fp);
            f->baseline = cl_baseline_classify(&r->baseline, f->rule->id, fp) ==
                                  CL_BASELINE_UNCHANGED
                              ? CL_BASELINE_MARK_UNCHANGED
                              : CL_BASELINE_MARK_NEW;
        }
        r->nabsent = cl_baseline_absent(&r->baseline, NULL);
        r->absent = cl_xcalloc(r->nabsent + 1, sizeof *r->absent);
        cl_baseline_absent(&r->baseline, r->absent);
        if (r->focus.n > 0)
            focus_absent(r);
    }
    r->t_report = cl_now_seconds();
    return 0;
}

/* The exit status of a reported run: findings that count for --fail-on,
 * and no TU parsed cleanly. */
static int report_status(run *r)
{
    const cl_options *o = r->o;
    int rc = CL_EXIT_OK;
    for (size_t i = 0; i < r->findings.list.n; i++) {
        const cl_finding *f = &r->findings.list.v[i];
        if (!f->suppressed && f->level >= o->fail_on && o->fail_on != CL_LEVEL_NONE &&
            f->baseline != CL_BASELINE_MARK_UNCHANGED)
            rc = CL_EXIT_FINDINGS;
    }
    if (r->clean == 0) {
        error("no translation unit parsed without errors (%zu tried); the analysis is not "
              "trustworthy (the errors are listed above and in the report)", r->db.n);
        rc = CL_EXIT_FAILED;
    } else if (r->focus_tus > 0 && r->focus_clean == 0) {
        char *rel = cl_report_relpath(r->focus.v[0], r->srcroot);
        error("'%s' did not parse without errors; its findings may be incomplete (the errors "
              "are listed above and in the report)", rel != NULL ? rel : r->focus.v[0]);
        free(rel);
        rc = CL_EXIT_FAILED;
    }
    return rc;
}

/* The report (or the --verify verdict) and the exit status. */
static int report(run *r)
{
    const cl_options *o = r->o;
    if (o->verify) {
        size_t nfiles;
        char **files = tu_files(r, &nfiles);
        r->rc = cl_verify(&r->findings, files, nfiles, stdout) == 0 ? CL_EXIT_OK
                                                                     : CL_EXIT_FINDINGS;
        free(files);
        /* A case that no longer compiles proves nothing: its expectations
         * were checked against a partial parse. */
        if (r->clean < r->db.n) {
            printf("verify: %zu of %zu translation units had parse errors: verdict withheld\n",
                   r->db.n - r->clean, r->db.n);
            r->rc = CL_EXIT_FAILED;
        }
        return 0;
    }
    cl_report rep;
    memset(&rep, 0, sizeof rep);
    rep.findings = &r->findings;
    rep.notes = r->notes.v;
    rep.nnotes = r->notes.n;
    rep.srcroot = r->srcroot;
    /* Incomplete when any TU had parse errors (docs/ci.md). */
    rep.execution_successful = r->clean == r->db.n;
    rep.absent = r->absent;
    rep.nabsent = r->nabsent;
    rep.levels = r->levels;
    rep.color = o->format == CL_FMT_TEXT && use_color(o);
    cl_run_stats rs = { r->db.n, r->parsed, r->cpu.cached, r->jobs, r->t_link - r->t_parse,
                        r->t_rules - r->t_link, r->t_report - r->t_rules, r->cpu.parse,
                        r->cpu.lower, (size_t)r->rstats.functions, (size_t)r->rstats.threads,
                        (size_t)r->rstats.accesses, r->src.cache != NULL, r->cache.hits,
                        r->cache.misses, r->cache.stores };
    rep.stats = o->stats ? &rs : NULL;
    cl_thread_coverage cov = { (size_t)r->rstats.spawn_sites, (size_t)r->rstats.resolved_sites,
                               (size_t)r->rstats.threads, (size_t)r->rstats.truncated,
                               (size_t)r->rstats.unresolved_calls };
    rep.coverage = r->have_model || r->reused ? &cov : NULL;
    if (o->sink != NULL) {
        cl_run_output out = { &r->findings, r->notes.v, r->notes.n, r->db.cmds, r->db.n,
                              r->reused };
        o->sink(o->sink_arg, &out);
        r->rc = report_status(r);
        return 0;
    }
    if (write_report(o, &rep) != 0)
        return stop(r, CL_EXIT_FAILED);
    if (!o->quiet)
        cl_report_summary(stderr, &rep);
    r->rc = report_status(r);
    return 0;
}

/* --stats: line `title` listing the first calls evs[0..n) (file:line and
 * the callee's spelling, relative to the source root) of `total`. */
static void print_call_list(const run *r, const char *title, const cl_event *const *evs, size_t n,
                            size_t total)
{
    fprintf(stderr, "conc-lint: %s:", title);
    for (size_t i = 0; i < n; i++) {
        const cl_event *ev = evs[i];
        char *rel = cl_report_relpath(ev->loc.file, r->srcroot);
        fprintf(stderr, "%s %s:%u ('%s')", i ? "," : "", rel ? rel : ev->loc.file, ev->loc.line,
                ev->u.call.callee_name ? ev->u.call.callee_name : "?");
        free(rel);
    }
    if (total > n)
        fprintf(stderr, " and %zu more", total - n);
    fprintf(stderr, "\n");
}

enum { MAX_LISTED = 10 };

/* --stats: the first spawn sites whose start routine the model did not
 * resolve (where a thread may be missing), and the first indirect calls
 * the walks resolved to no function (where a thread's work may be
 * missing: cl_model.unresolved). */
static void print_unresolved(const run *r)
{
    const cl_model *m = &r->model;
    const cl_event *first[MAX_LISTED];
    size_t listed = 0, left = cl_model_spawn_site_count(m) - cl_model_resolved_sites(m);
    for (size_t i = 0; i < m->spawn_sites.n && listed < MAX_LISTED; i++)
        if (m->site_canon.v[i] == i && !cl_model_site_resolved(m, i))
            first[listed++] = m->spawn_sites.v[i];
    if (left > 0)
        print_call_list(r, "spawn sites not resolved", first, listed, left);
    if (m->unresolved.n > 0)
        print_call_list(r, "indirect calls with no known callee", m->unresolved.v,
                        m->unresolved.n < MAX_LISTED ? m->unresolved.n : MAX_LISTED, m->unresolved.n);
}

/* --stats: where the time went, model sizes, cache counts. */
static int print_stats(run *r)
{
    if (!r->o->stats)
        return 0;
    double t_end = cl_now_seconds();
    const cl_result_stats *rs = &r->rstats;
    size_t fns = (size_t)rs->functions, thr = (size_t)rs->threads, acc = (size_t)rs->accesses;
    size_t found = r->findings.list.n, cut = (size_t)rs->truncated;
    size_t sites = (size_t)rs->spawn_sites, unres = (size_t)rs->unresolved_calls;
    fprintf(stderr, "conc-lint: ");
    print_tu_counts(r, r->db.n);
    fprintf(stderr,
            "; wall: summarize %.3fs, "
            "link %.3fs, rules %.3fs, report %.3fs, total %.3fs; per-TU time summed over workers: parse "
            "%.3fs, lower %.3fs; %zu %s, %zu %s, %zu %s, %zu %s, %zu thread %s truncated\n"
            "conc-lint: thread coverage: %zu spawn %s in project code, %zu resolved, %zu %s "
            "in the model, %zu thread %s truncated, %zu indirect %s with no known callee\n",
            r->t_link - r->t_parse,
            r->t_rules - r->t_link, r->t_report - r->t_rules, t_end - r->t_report, t_end - r->t_start, r->cpu.parse,
            r->cpu.lower, fns, noun(fns, "function", "functions"), thr, noun(thr, "thread", "threads"), acc,
            noun(acc, "access", "accesses"), found, noun(found, "finding", "findings"), cut,
            noun(cut, "walk", "walks"), sites, noun(sites, "site", "sites"), (size_t)rs->resolved_sites, thr,
            noun(thr, "thread", "threads"), cut, noun(cut, "walk", "walks"), unres,
            noun(unres, "call", "calls"));
    if (r->have_model) {
        print_unresolved(r);
        fprintf(stderr, "conc-lint: engine: %zu steps, %zu unstable loops, %zu computed gotos\n",
                r->model.walk_steps, r->model.unstable_loops, r->model.back_gotos);
    }
    if (r->reused) {
        fprintf(stderr, "conc-lint: link and rules skipped: every summary and setting is "
                        "unchanged, findings taken from the cache;");
    } else {
        fprintf(stderr, "conc-lint: rules:");
        for (size_t i = 0; i < cl_nrules; i++)
            if (r->active[i])
                fprintf(stderr, " %s %.3fs,", cl_rules[i]->id, r->rule_seconds[i]);
    }
    fprintf(stderr, " suppression scan of the sources %.3fs\n", r->suppress_seconds);
    print_cache_counts(r);
    return 0;
}

/* Files the summaries of the run in the caller's keep (cl_options.keep):
 * every summary of a TU, not the outcomes a reused result stands in for
 * probed ones with (reuse_result). They are no longer the run's. */
static void keep_summaries(run *r)
{
    if (r->src.keep == NULL || r->tus == NULL)
        return;
    for (size_t i = 0; i < r->db.n; i++) {
        if (r->tus[i] == NULL || (r->reused && r->probed[i]))
            continue;
        cl_keep_put(r->src.keep, &r->db.cmds[i], unsaved_of(&r->src, r->db.cmds[i].file),
                    r->tus[i], r->digests[i]);
        r->tus[i] = NULL;
    }
}

static void run_release(run *r)
{
    free(r->absent);
    free(r->srcroot);
    cl_strvec_release(&r->note_lines);
    cl_read_file_overlay(NULL, NULL, 0);
    cl_strbuf_release(&r->stdin_text);
    free((char *)r->unsaved.file);
    pathvec_release(&r->focus);
    cl_suppress_report_release(&r->sup);
    if (r->have_baseline)
        cl_baseline_release(&r->baseline);
    cl_callspecs_release(&r->specs);
    cl_config_release(&r->cfg);
    cl_cache_close(&r->cache);
    for (size_t k = 0; k < r->nlinks_open; k++)
        cl_cache_close(&r->links[k]);
    free(r->links);
    free(r->wanted);
    if (r->have_model)
        cl_model_release(&r->model);
    keep_summaries(r);
    if (r->tus != NULL)
        for (size_t i = 0; i < r->db.n; i++)
            cl_tu_free(r->tus[i]);
    free(r->tus);
    free(r->digests);
    free(r->probed);
    free(r->levels);
    free(r->active);
    free(r->rule_seconds);
    free(r->notes.v);
    cl_findings_release(&r->findings);
    cl_compdb_release(&r->db);
    pathvec_release(&r->files);
}

/* The phases of a run, in order (see run). */
static int (*const phases[])(run *) = {
    check_invocation,   plan_inputs,         read_unsaved,       open_sources,
    summarize,          take_diagnostics,    end_after_summaries, link_and_run_rules,
    check_cache_writes, focus_findings,      suppress_and_classify, report,
    print_stats,
};

int cl_driver_run(const cl_options *o)
{
    /* A file-size limit (ulimit -f) must make a write fail (EFBIG, reported
     * in one line, the output file left as it was), not kill the run. */
    signal(SIGXFSZ, SIG_IGN);
    run *r = cl_xcalloc(1, sizeof *r);
    r->o = o;
    r->rc = CL_EXIT_FAILED;
    r->t_start = cl_now_seconds();
    cl_config_init(&r->cfg);
    int rc;
    if (getcwd(r->cwd, sizeof r->cwd) == NULL) {
        error("cannot determine the current directory: %s", strerror(errno));
        rc = CL_EXIT_FAILED;
    } else {
        for (size_t i = 0; i < sizeof phases / sizeof phases[0]; i++)
            if (phases[i](r) != 0)
                break;
        rc = r->rc;
    }
    run_release(r);
    free(r);
    return rc;
}
