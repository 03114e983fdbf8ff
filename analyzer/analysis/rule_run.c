/* rule_run.c - runs one rule over the model: its subscribed program points,
 * then its decision (rule.h). */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "model/model.h"
#include "rule.h"
#include "util/clock.h"

static int wants_call(const cl_rule *r, const cl_callrec *c)
{
    return r->call_kinds == 0 || (r->call_kinds & CL_KIND_BIT(c->spec->kind)) != 0;
}

void cl_rule_run(const cl_rule *rule, const cl_model *m, cl_rule_ctx *ctx)
{
    if (rule->begin)
        rule->begin(m, ctx);
    if ((rule->points & CL_ON_ACCESS) && rule->on_access)
        for (size_t i = 0; i < m->accesses.n; i++)
            rule->on_access(m, ctx, &m->accesses.v[i]);
    if ((rule->points & CL_ON_CALL) && rule->on_call)
        for (size_t i = 0; i < m->calls.n; i++)
            if (wants_call(rule, &m->calls.v[i]))
                rule->on_call(m, ctx, &m->calls.v[i]);
    if ((rule->points & CL_ON_EXIT) && rule->on_exit)
        for (size_t i = 0; i < m->exits.n; i++)
            rule->on_exit(m, ctx, &m->exits.v[i]);
    if (rule->finish)
        rule->finish(m, ctx);
}

struct cl_rule_batch {
    const cl_model *m;
    cl_rule_job *jobs;
    size_t n;
    size_t next;              /* guarded by lock: the next job to take */
    pthread_mutex_t lock;
    pthread_t *tids;
    unsigned nthreads;        /* threads started */
};

/* Takes and runs jobs until none is left. */
static void *batch_worker(void *arg)
{
    cl_rule_batch *b = arg;
    for (;;) {
        pthread_mutex_lock(&b->lock);
        size_t i = b->next < b->n ? b->next++ : b->n;
        pthread_mutex_unlock(&b->lock);
        if (i == b->n)
            return NULL;
        cl_rule_job *j = &b->jobs[i];
        j->ctx.out = &j->found;
        double t0 = cl_now_seconds();
        cl_rule_run(j->ctx.rule, b->m, &j->ctx);
        j->seconds = cl_now_seconds() - t0;
    }
}

cl_rule_batch *cl_rules_start(const cl_model *m, cl_rule_job *jobs, size_t n, unsigned threads)
{
    cl_rule_batch *b = cl_xcalloc(1, sizeof *b);
    b->m = m;
    b->jobs = jobs;
    b->n = n;
    pthread_mutex_init(&b->lock, NULL);
    if (threads > n)
        threads = (unsigned)n;
    b->tids = cl_xcalloc(threads + 1, sizeof *b->tids);
    for (unsigned t = 0; t < threads; t++)
        if (pthread_create(&b->tids[b->nthreads], NULL, batch_worker, b) == 0)
            b->nthreads++;
    return b;
}

void cl_rules_wait(cl_rule_batch *b)
{
    batch_worker(b);
    for (unsigned t = 0; t < b->nthreads; t++)
        pthread_join(b->tids[t], NULL);
    pthread_mutex_destroy(&b->lock);
    free(b->tids);
    free(b);
}

static int names_rule(const char *const *ids, const cl_rule *r)
{
    for (size_t i = 0; ids != NULL && ids[i] != NULL; i++)
        if (strcmp(ids[i], r->id) == 0)
            return 1;
    return 0;
}

static int same_line(const cl_loc *a, const cl_loc *b)
{
    cl_loc x = *a, y = *b;
    x.col = y.col = 0;
    return cl_loc_cmp(&x, &y) == 0;
}

/* Whether `loc` is a related location of `f` or on the line of its
 * primary (a rule may leave out a related location on its primary's line:
 * `while (!ready) usleep(100);`). Related locations must match to the
 * column: `payload = 7; ready = 1;` holds two races, on two objects. */
static int has_loc(const cl_finding *f, const cl_loc *loc)
{
    if (same_line(&f->loc, loc))
        return 1;
    for (size_t i = 0; i < f->nrelated; i++)
        if (cl_loc_cmp(&f->related[i].loc, loc) == 0)
            return 1;
    return 0;
}

/* Whether every location of `small` is one of `big`. */
static int covers(const cl_finding *big, const cl_finding *small)
{
    if (!has_loc(big, &small->loc))
        return 0;
    for (size_t i = 0; i < small->nrelated; i++)
        if (!has_loc(big, &small->related[i].loc))
            return 0;
    return 1;
}

void cl_rules_fold(cl_findings *fs)
{
    size_t kept = 0;
    for (size_t i = 0; i < fs->list.n; i++) {
        const cl_finding *f = &fs->list.v[i];
        int folded = 0;
        for (size_t j = 0; j < fs->list.n && !folded; j++)
            folded = j != i && names_rule(fs->list.v[j].rule->subsumes, f->rule) &&
                     covers(&fs->list.v[j], f);
        if (!folded)
            fs->list.v[kept++] = *f;
    }
    fs->list.n = kept;
}
