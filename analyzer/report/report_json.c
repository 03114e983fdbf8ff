/* report_json.c - `--format json`: one document for editors and scripts.
 * The format is versioned and documented in docs/json-format.md; a change
 * that removes or re-types a field bumps "version". Paths are absolute and
 * normalized (an editor opens them directly); lines and columns are 1-based,
 * columns count bytes as libclang reports them. Every string goes through
 * cl_report_add_string, so names and messages that are not UTF-8 come out
 * with U+FFFD and the document stays valid JSON.
 */
#include "report/report.h"

#include <stdlib.h>

#include <cJSON.h>

#include "rule.h"

#ifndef CL_VERSION
#error "CL_VERSION must be defined (the build passes -DCL_VERSION=\"x.y.z\")"
#endif

#define JSON_FORMAT_VERSION 1

/* Adds "file", "line", "column" for `loc`; file null when unknown. */
static void add_loc(cJSON *o, const cl_loc *loc)
{
    char *abs = cl_report_abspath(loc->file);
    if (abs != NULL)
        cl_report_add_string(o, "file", abs);
    else
        cJSON_AddNullToObject(o, "file");
    free(abs);
    cJSON_AddNumberToObject(o, "line", loc->line);
    cJSON_AddNumberToObject(o, "column", loc->col);
}

static void add_str_or_null(cJSON *o, const char *key, const char *s)
{
    if (s != NULL)
        cl_report_add_string(o, key, s);
    else
        cJSON_AddNullToObject(o, key);
}

static cJSON *finding_obj(const cl_finding *f, const char *srcroot)
{
    cJSON *o = cJSON_CreateObject();
    add_str_or_null(o, "ruleId", f->rule ? f->rule->id : NULL);
    add_str_or_null(o, "ruleName", f->rule ? f->rule->name : NULL);
    cl_report_add_string(o, "level", cl_level_name(f->level));
    add_loc(o, &f->loc);
    add_str_or_null(o, "function", f->function);
    add_str_or_null(o, "message", f->message);
    char fp[17];
    cl_report_fingerprint(f, srcroot, fp, sizeof fp);
    cl_report_add_string(o, "fingerprint", fp);
    cJSON_AddBoolToObject(o, "suppressed", f->suppressed != 0);
    add_str_or_null(o, "suppressionReason", f->suppressed ? f->suppression_reason : NULL);
    const char *state = cl_report_baseline_mark_name(f->baseline);
    if (state != NULL) /* only with --baseline */
        cl_report_add_string(o, "baselineState", state);
    cJSON *rel = cJSON_AddArrayToObject(o, "related");
    for (size_t i = 0; i < f->nrelated; i++) {
        cJSON *ro = cJSON_CreateObject();
        add_loc(ro, &f->related[i].loc);
        add_str_or_null(ro, "message", f->related[i].message);
        cJSON_AddItemToArray(rel, ro);
    }
    cJSON *tfs = cJSON_AddArrayToObject(o, "threadFlows");
    for (size_t i = 0; i < f->nflows; i++) {
        const cl_thread_flow *fl = &f->flows[i];
        cJSON *to = cJSON_CreateObject();
        add_str_or_null(to, "thread", fl->thread);
        cJSON *steps = cJSON_AddArrayToObject(to, "steps");
        for (size_t j = 0; j < fl->nsteps; j++) {
            cJSON *so = cJSON_CreateObject();
            add_loc(so, &fl->steps[j].loc);
            add_str_or_null(so, "message", fl->steps[j].message);
            cJSON_AddItemToArray(steps, so);
        }
        cJSON_AddItemToArray(tfs, to);
    }
    return o;
}

/* The "stats" object (--stats; docs/json-format.md). */
static void add_stats(cJSON *doc, const cl_run_stats *st)
{
    cJSON *o = cJSON_AddObjectToObject(doc, "stats");
    cJSON_AddNumberToObject(o, "translationUnits", (double)st->tus);
    cJSON_AddNumberToObject(o, "parsed", (double)st->parsed);
    cJSON_AddNumberToObject(o, "fromCache", (double)st->from_cache);
    cJSON_AddNumberToObject(o, "jobs", st->jobs);
    cJSON *w = cJSON_AddObjectToObject(o, "wallSeconds");
    cJSON_AddNumberToObject(w, "summarize", st->summarize_s);
    cJSON_AddNumberToObject(w, "link", st->link_s);
    cJSON_AddNumberToObject(w, "rules", st->rules_s);
    cJSON *cpu = cJSON_AddObjectToObject(o, "workerSeconds");
    cJSON_AddNumberToObject(cpu, "parse", st->parse_cpu_s);
    cJSON_AddNumberToObject(cpu, "lower", st->lower_cpu_s);
    cJSON *m = cJSON_AddObjectToObject(o, "model");
    cJSON_AddNumberToObject(m, "functions", (double)st->functions);
    cJSON_AddNumberToObject(m, "threads", (double)st->threads);
    cJSON_AddNumberToObject(m, "accesses", (double)st->accesses);
    if (st->have_cache) {
        cJSON *c = cJSON_AddObjectToObject(o, "cache");
        cJSON_AddNumberToObject(c, "hits", (double)st->cache_hits);
        cJSON_AddNumberToObject(c, "misses", (double)st->cache_misses);
        cJSON_AddNumberToObject(c, "stored", (double)st->cache_stores);
    } else {
        cJSON_AddNullToObject(o, "cache");
    }
}

/* cl_report_write_json: see report.h and docs/json-format.md. Findings at
 * level "none" are left out; suppressed findings are included with
 * "suppressed": true. Returns 0, or -1 with errno set. */
int cl_report_write_json(FILE *out, const cl_report *r)
{
    cJSON *doc = cJSON_CreateObject();
    cJSON_AddNumberToObject(doc, "version", JSON_FORMAT_VERSION);
    cJSON *tool = cJSON_AddObjectToObject(doc, "tool");
    cl_report_add_string(tool, "name", "conc-lint");
    cl_report_add_string(tool, "version", CL_VERSION);
    char *root = cl_report_abspath(r->srcroot);
    add_str_or_null(doc, "srcroot", root);
    free(root);
    cJSON_AddBoolToObject(doc, "executionSuccessful", r->execution_successful != 0);

    cJSON *fs = cJSON_AddArrayToObject(doc, "findings");
    if (r->findings != NULL) {
        for (size_t i = 0; i < r->findings->list.n; i++) {
            const cl_finding *f = &r->findings->list.v[i];
            if (f->level != CL_LEVEL_NONE)
                cJSON_AddItemToArray(fs, finding_obj(f, r->srcroot));
        }
    }
    cJSON *ns = cJSON_AddArrayToObject(doc, "notifications");
    for (size_t i = 0; i < r->nnotes; i++) {
        const cl_notification *n = &r->notes[i];
        cJSON *o = cJSON_CreateObject();
        cl_report_add_string(o, "level", cl_report_diag_level_name(n->level));
        add_loc(o, &n->loc);
        add_str_or_null(o, "message", n->message);
        cJSON_AddItemToArray(ns, o);
    }

    cl_report_add_coverage(doc, "threadCoverage", r->coverage);
    if (r->stats != NULL)
        add_stats(doc, r->stats);
    return cl_report_put_json(out, doc);
}
