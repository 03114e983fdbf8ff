/* report_sarif.c - the SARIF 2.1.0 writer (OASIS SARIF v2.1.0, built with
 * cJSON). One run; tool.driver.rules is generated from the whole registry so
 * ruleIndex is the registry index.
 *
 * Columns: libclang columns count bytes; SARIF columns count in the run's
 * columnKind. We convert to UTF-16 code units (SARIF's default, and what
 * GitHub code scanning and VS Code use) by reading the source line, and say
 * "columnKind": "utf16CodeUnits" explicitly. When the file cannot be read the
 * byte column is written unchanged, which is exact whenever the line's prefix
 * is ASCII.
 *
 * Messages: our messages are lowercase without a final period (STYLE.md);
 * SARIF's validator wants every message to end with a period (SARIF2001),
 * so this writer, and only this writer, appends one.
 *
 * Strings: every string value goes through cl_report_add_string /
 * cl_report_json_string, so file names and messages that are not UTF-8
 * come out with U+FFFD instead of making the log invalid JSON for strict
 * parsers; uris are percent-encoded from the raw bytes and stay exact.
 *
 * Baselines (--baseline): a finding marked new/unchanged gets
 * "baselineState"; the report's absent baseline entries follow the current
 * results as results with "baselineState": "absent", rebuilt from what the
 * baseline log said (SARIF 2.1.0 section 3.27.24).
 *
 * Code scanning (GitHub): each rule has helpUri, precision,
 * security-severity and CWE tags (rule.h); each result's message links its
 * related locations ("[thread 'w' started here](2)"); regions end at the
 * end of the token they start at; rule levels changed by the config are
 * ruleConfigurationOverrides; automationDetails.id names the category.
 * CL_FMT_SARIF_UPLOAD leaves out suppressed and absent results.
 *
 * Output is deterministic: objects are built in a fixed order from sorted
 * findings and no time stamps or host data are written.
 */
#include "report/report.h"

#include <stdlib.h>
#include <string.h>

#include <cJSON.h>

#include "report/baseline.h"
#include "rule.h"

#ifndef CL_VERSION
#error "CL_VERSION must be defined (the build passes -DCL_VERSION=\"x.y.z\")"
#endif

#define SARIF_SCHEMA "https://json.schemastore.org/sarif-2.1.0.json"
#define CL_INFO_URI "https://github.com/conc-lint/conc-lint"
#define SRCROOT_ID "%SRCROOT%"
/* runs[0].automationDetails.id: the category code scanning files the
 * results under (a trailing slash: a category, no run id). */
#define CL_AUTOMATION_ID "conc-lint/"

typedef struct sarif_ctx {
    const cl_report *r;
    cl_srccache src;
    int have_root; /* r->srcroot is usable as %SRCROOT% */
    int upload;    /* CL_FMT_SARIF_UPLOAD: no suppressed or absent results */
} sarif_ctx;

/* {"text": s} with a final period added when `s` does not end a sentence. */
static cJSON *message_obj(const char *s)
{
    cJSON *m = cJSON_CreateObject();
    if (s == NULL || *s == '\0')
        s = "no message";
    size_t n = strlen(s);
    char last = s[n - 1];
    if (last == '.' || last == '!' || last == '?') {
        cl_report_add_string(m, "text", s);
    } else {
        cl_strbuf b = {0};
        cl_strbuf_addn(&b, s, n);
        cl_strbuf_add(&b, ".");
        cl_report_add_string(m, "text", b.s);
        cl_strbuf_release(&b);
    }
    return m;
}

/* Bytes of the token at `loc` (an identifier or keyword; else one
 * character), for region.endColumn: the finding points at a name, and
 * code scanning underlines the region. 0 when the line cannot be read or
 * the column is past its end. */
static size_t token_length(sarif_ctx *c, const cl_loc *loc)
{
    const char *text;
    size_t len;
    if (cl_srccache_line(&c->src, loc->file, loc->line, &text, &len) != 0 || loc->col > len)
        return 0;
    const char *p = text + loc->col - 1, *end = text + len;
    size_t n = 0;
    while (p + n < end && (p[n] == '_' || (p[n] >= 'a' && p[n] <= 'z') ||
                           (p[n] >= 'A' && p[n] <= 'Z') || (p[n] >= '0' && p[n] <= '9')))
        n++;
    if (n > 0)
        return n;
    n = 1; /* one character: its UTF-8 continuation bytes too */
    while (p + n < end && ((unsigned char)p[n] & 0xc0) == 0x80)
        n++;
    return n;
}

/* The physicalLocation of `loc`, or NULL when it has no file. */
static cJSON *physical_location(sarif_ctx *c, const cl_loc *loc)
{
    if (loc->file == NULL)
        return NULL;
    cJSON *pl = cJSON_CreateObject();
    cJSON *art = cJSON_AddObjectToObject(pl, "artifactLocation");
    cl_strbuf uri = {0};
    char *rel = c->have_root ? cl_report_relpath(loc->file, c->r->srcroot) : NULL;
    if (rel != NULL) {
        cl_report_uri_encode(&uri, rel);
        cl_report_add_string(art, "uri", uri.s);
        cl_report_add_string(art, "uriBaseId", SRCROOT_ID);
        free(rel);
    } else {
        char *abs = cl_report_abspath(loc->file);
        cl_strbuf_add(&uri, "file://");
        cl_report_uri_encode(&uri, abs);
        cl_report_add_string(art, "uri", uri.s);
        free(abs);
    }
    cl_strbuf_release(&uri);
    if (loc->line > 0) {
        cJSON *region = cJSON_AddObjectToObject(pl, "region");
        cJSON_AddNumberToObject(region, "startLine", loc->line);
        if (loc->col > 0) {
            unsigned long col = cl_report_utf16_column(&c->src, loc->file, loc->line, loc->col);
            cJSON_AddNumberToObject(region, "startColumn", (double)col);
            size_t len = token_length(c, loc);
            if (len > 0) {
                unsigned long end = cl_report_utf16_column(&c->src, loc->file, loc->line,
                                                           loc->col + len);
                cJSON_AddNumberToObject(region, "endLine", loc->line);
                cJSON_AddNumberToObject(region, "endColumn", (double)end);
            }
        }
    }
    return pl;
}

/* A location object: physicalLocation (if any), then message (if any). */
static cJSON *location(sarif_ctx *c, const cl_loc *loc, const char *message)
{
    cJSON *l = cJSON_CreateObject();
    cJSON *pl = physical_location(c, loc);
    if (pl != NULL)
        cJSON_AddItemToObject(l, "physicalLocation", pl);
    if (message != NULL)
        cJSON_AddItemToObject(l, "message", message_obj(message));
    return l;
}

/* The registry index of f->rule, or -1 if the rule is not registered. */
static long rule_index(const cl_finding *f)
{
    if (f->rule == NULL)
        return -1;
    if (f->rule_index < cl_nrules && cl_rules[f->rule_index] == f->rule)
        return (long)f->rule_index;
    for (size_t i = 0; i < cl_nrules; i++) {
        if (cl_rules[i] == f->rule ||
            (cl_rules[i]->id && f->rule->id && strcmp(cl_rules[i]->id, f->rule->id) == 0))
            return (long)i;
    }
    return -1;
}

static const char *or_default(const char *s, const char *dflt)
{
    return s != NULL && *s != '\0' ? s : dflt;
}

static cJSON *rule_descriptor(const cl_rule *rule)
{
    cJSON *d = cJSON_CreateObject();
    const char *name = or_default(rule->name, rule->id);
    cl_report_add_string(d, "id", or_default(rule->id, "unknown"));
    cl_report_add_string(d, "name", name);
    const char *shortd = or_default(rule->short_desc, name);
    cJSON_AddItemToObject(d, "shortDescription", message_obj(shortd));
    cJSON_AddItemToObject(d, "fullDescription",
                          message_obj(or_default(rule->full_desc, shortd)));
    cJSON *help = cJSON_AddObjectToObject(d, "help");
    /* Markdown source reads fine as plain text, so both carry help_md. */
    const char *help_md = or_default(rule->help_md, or_default(rule->full_desc, shortd));
    cl_report_add_string(help, "text", help_md);
    cl_report_add_string(help, "markdown", help_md);
    cl_report_add_string(d, "helpUri", CL_RULES_DOC_URI);
    cl_level lvl = rule->default_level == CL_LEVEL_NONE ? CL_LEVEL_WARNING : rule->default_level;
    cJSON *conf = cJSON_AddObjectToObject(d, "defaultConfiguration");
    if (rule->default_level == CL_LEVEL_NONE)
        cJSON_AddBoolToObject(conf, "enabled", 0);
    cl_report_add_string(conf, "level", cl_level_name(lvl));
    cJSON *props = cJSON_AddObjectToObject(d, "properties");
    cJSON *tags = cJSON_AddArrayToObject(props, "tags");
    for (const char *const *t = rule->tags; t != NULL && *t != NULL; t++)
        cJSON_AddItemToArray(tags, cl_report_json_string(*t));
    /* GitHub code scanning: a "security" tag makes it read security-severity;
     * CWEs are tags "external/cwe/cwe-N" (the CodeQL convention). */
    if (rule->security_severity != NULL)
        cJSON_AddItemToArray(tags, cl_report_json_string("security"));
    for (const char *const *w = rule->cwe; w != NULL && *w != NULL; w++) {
        cl_strbuf tag = {0};
        cl_strbuf_add(&tag, "external/cwe/");
        for (const char *p = *w; *p; p++)
            cl_strbuf_addf(&tag, "%c", *p >= 'A' && *p <= 'Z' ? *p - 'A' + 'a' : *p);
        cJSON_AddItemToArray(tags, cl_report_json_string(tag.s));
        cl_strbuf_release(&tag);
    }
    if (rule->precision != NULL)
        cl_report_add_string(props, "precision", rule->precision);
    if (rule->security_severity != NULL)
        cl_report_add_string(props, "security-severity", rule->security_severity);
    return d;
}

static cJSON *code_flows(sarif_ctx *c, const cl_finding *f)
{
    cJSON *tfs = cJSON_CreateArray();
    for (size_t i = 0; i < f->nflows; i++) {
        const cl_thread_flow *fl = &f->flows[i];
        if (fl->nsteps == 0)
            continue; /* SARIF: a threadFlow has at least one location */
        cJSON *tf = cJSON_CreateObject();
        cJSON_AddItemToObject(tf, "message", message_obj(or_default(fl->thread, "thread")));
        cJSON *locs = cJSON_AddArrayToObject(tf, "locations");
        for (size_t j = 0; j < fl->nsteps; j++) {
            cJSON *tfl = cJSON_CreateObject();
            cJSON_AddItemToObject(tfl, "location",
                                  location(c, &fl->steps[j].loc, fl->steps[j].message));
            cJSON_AddItemToArray(locs, tfl);
        }
        cJSON_AddItemToArray(tfs, tf);
    }
    if (cJSON_GetArraySize(tfs) == 0) {
        cJSON_Delete(tfs);
        return NULL;
    }
    cJSON *flows = cJSON_CreateArray();
    cJSON *cf = cJSON_CreateObject();
    cJSON_AddItemToObject(cf, "threadFlows", tfs);
    cJSON_AddItemToArray(flows, cf);
    return flows;
}

/* Appends `s` with the characters SARIF's embedded-link syntax reserves,
 * '[' and ']', escaped by a backslash (SARIF 2.1.0, 3.11.6). */
static void add_link_text(cl_strbuf *b, const char *s)
{
    for (const char *p = s; *p; p++) {
        if (*p == '[' || *p == ']' || *p == '\\')
            cl_strbuf_add(b, "\\");
        cl_strbuf_addn(b, p, 1);
    }
}

/* The result message: the finding's message, then each related location
 * as an embedded link "[its message](id)" to relatedLocations[id - 1], so
 * code scanning shows the evidence as links into the code. */
static cJSON *linked_message(const cl_finding *f)
{
    const char *msg = or_default(f->message, "no message");
    if (f->nrelated == 0)
        return message_obj(msg);
    cl_strbuf b = {0};
    add_link_text(&b, msg);
    cl_strbuf_add(&b, " (");
    for (size_t i = 0; i < f->nrelated; i++) {
        cl_strbuf_add(&b, i > 0 ? ", [" : "[");
        add_link_text(&b, or_default(f->related[i].message, "related location"));
        cl_strbuf_addf(&b, "](%zu)", i + 1);
    }
    cl_strbuf_add(&b, ")");
    cJSON *m = message_obj(b.s);
    cl_strbuf_release(&b);
    return m;
}

static cJSON *result(sarif_ctx *c, const cl_finding *f)
{
    cJSON *res = cJSON_CreateObject();
    cl_report_add_string(res, "ruleId", or_default(f->rule ? f->rule->id : NULL, "unknown"));
    long idx = rule_index(f);
    if (idx >= 0)
        cJSON_AddNumberToObject(res, "ruleIndex", (double)idx);
    cl_report_add_string(res, "level", cl_level_name(f->level));
    cJSON_AddItemToObject(res, "message", linked_message(f));

    cJSON *locs = cJSON_AddArrayToObject(res, "locations");
    cJSON *loc = location(c, &f->loc, NULL);
    if (f->function != NULL) {
        cJSON *lls = cJSON_AddArrayToObject(loc, "logicalLocations");
        cJSON *ll = cJSON_CreateObject();
        cl_report_add_string(ll, "name", f->function);
        cl_report_add_string(ll, "kind", "function");
        cJSON_AddItemToArray(lls, ll);
    }
    cJSON_AddItemToArray(locs, loc);

    if (f->nrelated > 0) {
        cJSON *rel = cJSON_AddArrayToObject(res, "relatedLocations");
        for (size_t i = 0; i < f->nrelated; i++) {
            cJSON *rl = cJSON_CreateObject();
            cJSON_AddNumberToObject(rl, "id", (double)(i + 1));
            cJSON *pl = physical_location(c, &f->related[i].loc);
            if (pl != NULL)
                cJSON_AddItemToObject(rl, "physicalLocation", pl);
            cJSON_AddItemToObject(rl, "message",
                                  message_obj(or_default(f->related[i].message, "related location")));
            cJSON_AddItemToArray(rel, rl);
        }
    }

    char fp[17];
    cl_report_fingerprint(f, c->r->srcroot, fp, sizeof fp);
    cJSON *pfp = cJSON_AddObjectToObject(res, "partialFingerprints");
    cl_report_add_string(pfp, CL_BASELINE_FINGERPRINT_KEY, fp);
    const char *state = cl_report_baseline_mark_name(f->baseline);
    if (state != NULL)
        cl_report_add_string(res, "baselineState", state);

    cJSON *flows = code_flows(c, f);
    if (flows != NULL)
        cJSON_AddItemToObject(res, "codeFlows", flows);

    if (f->suppressed) {
        cJSON *sups = cJSON_AddArrayToObject(res, "suppressions");
        cJSON *s = cJSON_CreateObject();
        cl_report_add_string(s, "kind", "inSource");
        if (f->suppression_reason != NULL && *f->suppression_reason != '\0')
            cl_report_add_string(s, "justification", f->suppression_reason);
        cJSON_AddItemToArray(sups, s);
    }
    return res;
}

/* A result for the baseline entry `e` that no current finding matched:
 * "baselineState": "absent", with what the baseline log said about it. The
 * ruleIndex is looked up in the current registry (by id only: a ruleId must
 * equal rules[ruleIndex].id) and left out when the rule no longer exists.
 * The location is copied as written (uri and uriBaseId, the line and the
 * column, already in the baseline's columnKind), not re-derived. */
static cJSON *absent_result(const cl_baseline_entry *e)
{
    cJSON *res = cJSON_CreateObject();
    const char *id = or_default(e->rule_id, "unknown");
    cl_report_add_string(res, "ruleId", id);
    size_t idx = 0;
    const cl_rule *rule = cl_rule_find(id, &idx);
    if (rule != NULL && rule->id != NULL && strcmp(rule->id, id) == 0)
        cJSON_AddNumberToObject(res, "ruleIndex", (double)idx);
    cl_report_add_string(res, "level", cl_level_name(e->level));
    cJSON_AddItemToObject(res, "message", message_obj(e->message));
    if (e->uri != NULL && *e->uri != '\0') {
        cJSON *locs = cJSON_AddArrayToObject(res, "locations");
        cJSON *loc = cJSON_CreateObject();
        cJSON *pl = cJSON_AddObjectToObject(loc, "physicalLocation");
        cJSON *art = cJSON_AddObjectToObject(pl, "artifactLocation");
        cl_report_add_string(art, "uri", e->uri);
        if (e->uri_base_id != NULL && *e->uri_base_id != '\0')
            cl_report_add_string(art, "uriBaseId", e->uri_base_id);
        if (e->line > 0) {
            cJSON *region = cJSON_AddObjectToObject(pl, "region");
            cJSON_AddNumberToObject(region, "startLine", (double)e->line);
            if (e->col > 0)
                cJSON_AddNumberToObject(region, "startColumn", (double)e->col);
        }
        if (e->function != NULL && *e->function != '\0') {
            cJSON *lls = cJSON_AddArrayToObject(loc, "logicalLocations");
            cJSON *ll = cJSON_CreateObject();
            cl_report_add_string(ll, "name", e->function);
            cl_report_add_string(ll, "kind", "function");
            cJSON_AddItemToArray(lls, ll);
        }
        cJSON_AddItemToArray(locs, loc);
    }
    cJSON *pfp = cJSON_AddObjectToObject(res, "partialFingerprints");
    cl_report_add_string(pfp, CL_BASELINE_FINGERPRINT_KEY, or_default(e->fingerprint, "0"));
    cl_report_add_string(res, "baselineState", "absent");
    return res;
}

/* invocations[0].ruleConfigurationOverrides: one entry per rule whose
 * effective level (config, --enable/--disable) is not its default, with the
 * level it ran at, or "enabled": false when it did not run. */
static void add_overrides(cJSON *inv, const cl_report *r)
{
    if (r->levels == NULL)
        return;
    cJSON *ovs = NULL;
    for (size_t i = 0; i < cl_nrules; i++) {
        cl_level lvl = r->levels[i];
        if (lvl == cl_rules[i]->default_level)
            continue;
        if (ovs == NULL)
            ovs = cJSON_AddArrayToObject(inv, "ruleConfigurationOverrides");
        cJSON *o = cJSON_CreateObject();
        cJSON *desc = cJSON_AddObjectToObject(o, "descriptor");
        cl_report_add_string(desc, "id", or_default(cl_rules[i]->id, "unknown"));
        cJSON_AddNumberToObject(desc, "index", (double)i);
        cJSON *conf = cJSON_AddObjectToObject(o, "configuration");
        if (lvl == CL_LEVEL_NONE)
            cJSON_AddBoolToObject(conf, "enabled", 0);
        else
            cl_report_add_string(conf, "level", cl_level_name(lvl));
        cJSON_AddItemToArray(ovs, o);
    }
}

static cJSON *invocation(sarif_ctx *c)
{
    const cl_report *r = c->r;
    cJSON *inv = cJSON_CreateObject();
    cJSON_AddBoolToObject(inv, "executionSuccessful", r->execution_successful != 0);
    add_overrides(inv, r);
    if (r->nnotes == 0)
        return inv;
    cJSON *notes = cJSON_AddArrayToObject(inv, "toolExecutionNotifications");
    for (size_t i = 0; i < r->nnotes; i++) {
        const cl_notification *n = &r->notes[i];
        cJSON *o = cJSON_CreateObject();
        if (n->loc.file != NULL) {
            cJSON *ls = cJSON_AddArrayToObject(o, "locations");
            cJSON_AddItemToArray(ls, location(c, &n->loc, NULL));
        }
        cJSON_AddItemToObject(o, "message", message_obj(n->message));
        cl_report_add_string(o, "level", cl_report_diag_level_name(n->level));
        cJSON_AddItemToArray(notes, o);
    }
    return inv;
}

/* Builds the whole log. Caller deletes. */
static cJSON *sarif_log(sarif_ctx *c)
{
    const cl_report *r = c->r;
    cJSON *log = cJSON_CreateObject();
    cl_report_add_string(log, "$schema", SARIF_SCHEMA);
    cl_report_add_string(log, "version", "2.1.0");
    cJSON *runs = cJSON_AddArrayToObject(log, "runs");
    cJSON *run = cJSON_CreateObject();
    cJSON_AddItemToArray(runs, run);

    cJSON *driver = cJSON_AddObjectToObject(cJSON_AddObjectToObject(run, "tool"), "driver");
    cl_report_add_string(driver, "name", "conc-lint");
    cl_report_add_string(driver, "fullName", "conc-lint " CL_VERSION
                                             ", concurrency bug finder for C");
    cl_report_add_string(driver, "semanticVersion", CL_VERSION);
    cl_report_add_string(driver, "informationUri", CL_INFO_URI);
    cJSON *rules = cJSON_AddArrayToObject(driver, "rules");
    for (size_t i = 0; i < cl_nrules; i++)
        cJSON_AddItemToArray(rules, rule_descriptor(cl_rules[i]));

    cl_report_add_string(cJSON_AddObjectToObject(run, "automationDetails"), "id",
                         CL_AUTOMATION_ID);
    cJSON *invs = cJSON_AddArrayToObject(run, "invocations");
    cJSON_AddItemToArray(invs, invocation(c));

    if (c->have_root) {
        char *root = cl_report_abspath(r->srcroot);
        cl_strbuf uri = {0};
        cl_strbuf_add(&uri, "file://");
        cl_report_uri_encode(&uri, root);
        if (uri.s[uri.len - 1] != '/')
            cl_strbuf_add(&uri, "/"); /* SARIF: a base uri ends with a slash */
        cJSON *bases = cJSON_AddObjectToObject(run, "originalUriBaseIds");
        cJSON *sr = cJSON_AddObjectToObject(bases, SRCROOT_ID);
        cl_report_add_string(sr, "uri", uri.s);
        cl_strbuf_release(&uri);
        free(root);
    }

    cJSON *results = cJSON_AddArrayToObject(run, "results");
    if (r->findings != NULL) {
        for (size_t i = 0; i < r->findings->list.n; i++) {
            const cl_finding *f = &r->findings->list.v[i];
            if (f->level == CL_LEVEL_NONE || (c->upload && f->suppressed))
                continue;
            cJSON_AddItemToArray(results, result(c, f));
        }
    }
    for (size_t i = 0; i < r->nabsent && !c->upload; i++) {
        if (r->absent[i] != NULL)
            cJSON_AddItemToArray(results, absent_result(r->absent[i]));
    }
    cl_report_add_string(run, "columnKind", "utf16CodeUnits");
    if (r->coverage != NULL)
        cl_report_add_coverage(cJSON_AddObjectToObject(run, "properties"), "threadCoverage",
                               r->coverage);
    return log;
}

/* cl_report_write_sarif: see report.h. Returns 0, or -1 with errno set when
 * the document cannot be rendered (ENOMEM) or written. */
static int write_sarif(FILE *out, const cl_report *r, int upload)
{
    sarif_ctx c = {.r = r, .have_root = r->srcroot != NULL && *r->srcroot != '\0',
                   .upload = upload};
    cJSON *log = sarif_log(&c);
    cl_srccache_release(&c.src);
    return cl_report_put_json(out, log);
}

int cl_report_write_sarif(FILE *out, const cl_report *r)
{
    return write_sarif(out, r, 0);
}

/* cl_report_write_sarif_upload: see report.h. The same log without the
 * results code scanning would wrongly open alerts for: suppressed findings
 * (it ignores `suppressions`) and absent baseline results (it ignores
 * `baselineState`, and their locations are old). */
int cl_report_write_sarif_upload(FILE *out, const cl_report *r)
{
    return write_sarif(out, r, 1);
}
