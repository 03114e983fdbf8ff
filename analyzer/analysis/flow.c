/* flow.c - the flow engine (see flow.h for the semantics it implements). */
#include "analysis/flow.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "util/intern.h"
#include "util/strmap.h"

/* Memoized walks: key (words) -> index into the parallel arrays. `busy`
 * marks walks in progress (recursion); `published` says whether the
 * memoized walk also published its events (a walk made during a loop's
 * fixpoint rounds must be redone once when publishing; one made during a
 * speculative first round counts as published only in the calls table,
 * where an undo can take the mark back, see cl_flow.spec_log). */
typedef struct memo_table {
    cl_blobmap map;
    struct { const void **v; size_t n, cap; } out;
    struct { const void **v; size_t n, cap; } summary;
    struct { unsigned char *v; size_t n, cap; } busy;
    struct { unsigned char *v; size_t n, cap; } published;
} memo_table;

typedef struct jumps {
    const void *brk, *cont;
    int is_switch;
} jumps;

typedef struct label_slot {
    cl_loc loc;
    const void *pending;   /* states of forward gotos not yet at the label */
    const void *seen;      /* states that reached the label this round */
    const void *back;      /* states of backward gotos to it (kept across rounds) */
} label_slot;

/* The walk state of one invocation while its body runs (run_body, on the
 * C stack): gone when the invocation returns. */
typedef struct fwork {
    const void *ret;                       /* states reaching a return */
    struct { jumps *v; size_t n, cap; } jumps;
    struct { const cl_node **v; size_t n, cap; } loops;
    memo_table loop_memo;
    struct { label_slot *v; size_t n, cap; } labels;
    cl_strmap label_ix;                    /* label name -> its first slot */
    int labels_scanned;
    size_t npending;                       /* labels with a pending state */
    int back_gotos;                        /* the body has a goto back */
    size_t back_grew;                      /* times one added to its label's state */
} fwork;

/* One function invocation. It outlives the call (clients keep its frame
 * in program points, and so it stays in the scratch arena), so it holds
 * only what is asked of a frame after the call: the rest is in `w`. */
typedef struct fctx {
    cl_flow_frame frame;                   /* (first: frames are their fctx) */
    const cl_function *fn;
    const void *entry;                     /* the state the body was entered in */
    fwork *w;                              /* while the body runs, else NULL */
} fctx;

struct cl_flow {
    const cl_callgraph *cg;
    cl_flow_domain dom;
    cl_flow_opts opts;
    cl_arena scratch;
    cl_arena keys;
    cl_interner in;
    memo_table calls;
    struct { uintptr_t *v; size_t n, cap; } kw;
    int publishing;
    /* Speculative first rounds in progress (cl_flow_domain.speculate), and
     * the calls-table entries marked published since the outermost began
     * (an undo unmarks those after its own start). */
    unsigned spec_depth;
    struct { size_t *v; size_t n, cap; } spec_log;
    int exhausted;
    fctx *cur;
    cl_flow_stats stats;
    unsigned char *back_goto; /* per function: 0 not known yet, 1 no, 2 has_back_goto */
    size_t handler;           /* cl_flow_handler_token */
    const cl_value *entry_args; /* cl_flow_entry_args */
    size_t nentry_args;
    const char *const *entry_call_paths; /* cl_flow_entry_calls */
    const cl_value *const *entry_call_funcs;
    size_t nentry_calls;
    /* cl_flow_unresolved_calls: the events in the order met, and a set of
     * their addresses. */
    struct { const cl_event **v; size_t n, cap; } unresolved;
    cl_blobmap unresolved_set;
};

static const void *walk_node(cl_flow *f, fctx *fc, const cl_node *n, const void *st);

/* ---- small helpers --------------------------------------------------------- */

static const void *join(cl_flow *f, const void *a, const void *b)
{
    if (a == NULL)
        return b;
    if (b == NULL || a == b)
        return a;
    return f->dom.join(f, a, b);
}

static void memo_release(memo_table *t)
{
    cl_blob_release(&t->map);
    free(t->out.v);
    free(t->summary.v);
    free(t->busy.v);
    free(t->published.v);
    memset(t, 0, sizeof *t);
}

/* Looks the key in f->kw up in `t`. Returns 1 with *out (and *summary)
 * set when a usable result is memoized; otherwise 0 with *slot set to the
 * entry to fill (marked busy) by memo_finish. A busy entry (recursion)
 * yields the entry state `st`. */
static int memo_begin(cl_flow *f, memo_table *t, const void *st, const void **out,
                      const void **summary, size_t *slot)
{
    int added;
    cl_blobent *e = cl_blob_lookup(&t->map, &f->keys, f->kw.v, f->kw.n * sizeof *f->kw.v, &added);
    if (!added) {
        size_t mi = e->val;
        if (t->busy.v[mi]) {
            *out = st;
            *summary = NULL;
            return 1;
        }
        if (!f->publishing || t->published.v[mi]) {
            *out = t->out.v[mi];
            *summary = t->summary.v[mi];
            return 1;
        }
        t->busy.v[mi] = 1;
        *slot = mi;
        return 0;
    }
    e->val = t->out.n;
    CL_VEC_PUSH(&t->out, st);
    CL_VEC_PUSH(&t->summary, NULL);
    CL_VEC_PUSH(&t->busy, 1);
    CL_VEC_PUSH(&t->published, 0);
    *slot = e->val;
    return 0;
}

static void memo_finish(cl_flow *f, memo_table *t, size_t mi, const void *out, const void *summary)
{
    t->out.v[mi] = out;
    t->summary.v[mi] = summary;
    t->busy.v[mi] = 0;
    if (!f->publishing)
        return;
    if (f->spec_depth > 0) {
        if (t != &f->calls)
            return; /* (a loop table may be gone before the undo) */
        CL_VEC_PUSH(&f->spec_log, mi);
    }
    t->published.v[mi] = 1;
}

/* Starts a speculative first round (cl_flow_domain.speculate); returns
 * the undo log's position for spec_end. */
static size_t spec_begin(cl_flow *f)
{
    f->spec_depth++;
    f->dom.speculate(f, CL_FLOW_SPEC_BEGIN);
    return f->spec_log.n;
}

/* Ends the speculative round begun at log position `log0`: keeps what it
 * published when the round was `stable`, else takes it back. */
static void spec_end(cl_flow *f, size_t log0, int stable)
{
    f->spec_depth--;
    f->dom.speculate(f, stable ? CL_FLOW_SPEC_KEEP : CL_FLOW_SPEC_UNDO);
    if (!stable) {
        for (size_t i = log0; i < f->spec_log.n; i++)
            f->calls.published.v[f->spec_log.v[i]] = 0;
        f->spec_log.n = log0;
    }
    if (f->spec_depth == 0)
        f->spec_log.n = 0;
}

static void key_start(cl_flow *f)
{
    f->kw.n = 0;
}

void cl_flow_key(cl_flow *f, uintptr_t word)
{
    CL_VEC_PUSH(&f->kw, word);
}

/* ---- labels and goto ------------------------------------------------------- */

static void scan_labels(fctx *fc, const cl_node *n)
{
    if (n == NULL)
        return;
    if (n->kind == CL_N_LABEL && n->x->label != NULL) {
        label_slot s = { n->loc, NULL, NULL, NULL };
        size_t first;
        if (!cl_strmap_get(&fc->w->label_ix, n->x->label, &first))
            cl_strmap_put(&fc->w->label_ix, n->x->label, fc->w->labels.n);
        CL_VEC_PUSH(&fc->w->labels, s);
    }
    for (size_t k = 0; k < n->nkids; k++)
        scan_labels(fc, n->kids[k]);
}

static label_slot *find_label(fctx *fc, const char *name)
{
    if (!fc->w->labels_scanned) {
        scan_labels(fc, fc->fn->body);
        fc->w->labels_scanned = 1;
    }
    size_t i;
    if (name == NULL || !cl_strmap_get(&fc->w->label_ix, name, &i))
        return NULL;
    return &fc->w->labels.v[i];
}

/* Whether `goto` node `n` jumps back to its label `l` (earlier in the
 * source). */
static int goes_back(const label_slot *l, const cl_node *n)
{
    return l->loc.file == n->loc.file &&
           (l->loc.line < n->loc.line || (l->loc.line == n->loc.line && l->loc.col <= n->loc.col));
}

/* A goto carries its state to a label after it in the source; a goto
 * backwards (a retry loop written with labels) keeps its state for the
 * next round of the body (run_body); one through a pointer ends the path. */
static void do_goto(cl_flow *f, fctx *fc, const cl_node *n, const void *st)
{
    label_slot *l = find_label(fc, n->x->label);
    if (l == NULL) {
        f->stats.back_gotos++;
        return;
    }
    if (goes_back(l, n)) {
        const void *was = l->back;
        l->back = join(f, l->back, st);
        fc->w->back_grew += l->back != was;
        return;
    }
    if (l->pending == NULL)
        fc->w->npending++;
    l->pending = join(f, l->pending, st);
}

static const void *at_label(cl_flow *f, fctx *fc, const cl_node *n, const void *st)
{
    if (fc->w->npending == 0 && !fc->w->back_gotos)
        return st;
    label_slot *l = find_label(fc, n->x->label);
    if (l == NULL)
        return st;
    st = join(f, st, l->back);
    l->seen = join(f, l->seen, st);
    if (l->pending == NULL)
        return st;
    st = join(f, st, l->pending);
    l->seen = join(f, l->seen, st);
    l->pending = NULL;
    fc->w->npending--;
    return st;
}

/* Whether the body of `fc` has a goto back to an earlier label. */
static int has_back_goto(fctx *fc, const cl_node *n)
{
    if (n == NULL)
        return 0;
    if (n->kind == CL_N_GOTO && n->x->label != NULL) {
        const label_slot *l = find_label(fc, n->x->label);
        return l != NULL && goes_back(l, n);
    }
    for (size_t k = 0; k < n->nkids; k++)
        if (has_back_goto(fc, n->kids[k]))
            return 1;
    return 0;
}

/* After a round of a body with backward gotos: whether some label is
 * reached by a backward goto with a state its round did not already
 * bring there (then the body runs again). Clears the round's states. */
static int back_gotos_grew(cl_flow *f, fctx *fc)
{
    int grew = 0;
    for (size_t i = 0; i < fc->w->labels.n; i++) {
        label_slot *l = &fc->w->labels.v[i];
        if (l->back != NULL && join(f, l->seen, l->back) != l->seen)
            grew = 1;
        l->seen = NULL;
    }
    return grew;
}

/* ---- calls ----------------------------------------------------------------- */

static const void *run_body(cl_flow *f, fctx *fc, const void *st, const void **summary);

/* The innermost invocation of `callee` on the stack of `fc`, or NULL. */
static const fctx *outer_call(const fctx *fc, size_t callee)
{
    for (const cl_flow_frame *fr = &fc->frame; fr != NULL; fr = fr->parent)
        if (fr->func == callee)
            return (const fctx *)(const void *)fr;
    return NULL;
}

/* (see flow.h) */
size_t cl_flow_values(const cl_flow *f, const cl_flow_frame *fr, const cl_value *v, size_t *one,
                      const size_t **out)
{
    const cl_flow_frame *at = fr;
    int k;
    for (; (k = cl_value_param(v)) >= 0 && fr != NULL && fr->call != NULL &&
           (size_t)k < fr->call->u.call.nargs;
         fr = fr->parent)
        v = &fr->call->u.call.args[k];
    if (k >= 0 && fr != NULL && fr->call == NULL && (size_t)k < f->nentry_args &&
        f->entry_args[k].kind == CL_VAL_FUNC)
        v = &f->entry_args[k]; /* (what the walk's entry was given) */
    if (k < 0 && fr != NULL && fr->call == NULL && v->kind == CL_VAL_ADDR && v->path != NULL)
        for (size_t i = 0; i < f->nentry_calls; i++)
            if (strcmp(v->path, f->entry_call_paths[i]) == 0) {
                v = f->entry_call_funcs[i]; /* (a start block's routine) */
                break;
            }
    size_t n = cl_callgraph_values(f->cg, v, one, out);
    if (n == 0 && f->dom.resolve != NULL && v->kind == CL_VAL_ADDR && v->path != NULL &&
        v->path[0] == 'P' && at != NULL) {
        const char *p = f->dom.resolve((cl_flow *)f, fr != NULL ? fr : at, v->path);
        n = p != NULL ? cl_callgraph_stored(f->cg, p, out) : 0;
    }
    if (n > 0 || at == NULL)
        return n;
    while (at->parent != NULL)
        at = at->parent;
    return cl_callgraph_member(f->cg, v, at->func, CL_FLOW_MEMBER_CALLEES,
                               cl_flow_scratch((cl_flow *)f), out);
}

static const void *descend(cl_flow *f, fctx *fc, const cl_event *ev, size_t callee,
                           const void *st)
{
    /* Recursion is walked from the join of its state and the outer
     * invocation's entry state: the contexts of a recursive function climb
     * the (finite) lattice and meet one already on the stack, instead of
     * making a new context at every level until the depth bound. */
    const fctx *outer = outer_call(fc, callee);
    if (outer != NULL)
        st = join(f, outer->entry, st);
    key_start(f);
    cl_flow_key(f, callee);
    cl_flow_key(f, fc->frame.in_loop > 0);
    const void *data = f->dom.enter ? f->dom.enter(f, &fc->frame, ev, callee,
                                                   outer ? &outer->frame : NULL)
                                    : NULL;
    f->handler = SIZE_MAX;
    cl_flow_key(f, (uintptr_t)st);
    const void *out, *summary;
    size_t mi;
    if (memo_begin(f, &f->calls, st, &out, &summary, &mi)) {
        f->stats.memo_hits++;
        if (f->dom.discard)
            f->dom.discard(f, data);
    } else {
        fctx sub;
        memset(&sub, 0, sizeof sub);
        sub.frame.parent = &fc->frame;
        sub.frame.call = ev;
        sub.frame.func = callee;
        sub.frame.data = data;
        sub.frame.in_loop = fc->frame.in_loop;
        sub.frame.depth = fc->frame.depth + 1;
        sub.fn = f->cg->funcs.v[callee].fn;
        /* The frame outlives the call: clients keep it in program points. */
        fctx *keep = cl_arena_alloc(&f->scratch, sizeof *keep);
        *keep = sub;
        out = run_body(f, keep, st, &summary);
        memo_finish(f, &f->calls, mi, out, summary);
    }
    if (f->dom.returned)
        f->dom.returned(f, &fc->frame, ev, callee, summary);
    return out;
}

/* The handlers event-loop dispatch `ev` runs from `st` (the domain's
 * `handlers` hook), walked as its calls round after round until the state
 * and the handlers stop changing; the join of the rounds' states. */
static const void *walk_dispatch(cl_flow *f, fctx *fc, const cl_event *ev, const void *st)
{
    const void *cur = st, *prev = NULL;
    size_t before = 0;
    cl_flow_handler *hs = NULL;
    for (int round = 0; round < CL_FLOW_LOOP_ROUNDS && cur != NULL; round++) {
        const cl_flow_handler *h;
        size_t n = f->dom.handlers(f, &fc->frame, ev, cur, &h);
        if (n == 0 || (n == before && cur == prev))
            break;
        if (f->exhausted || fc->frame.depth >= CL_FLOW_MAX_DEPTH) {
            (void)(f->exhausted ? f->stats.budget_cuts++ : f->stats.depth_cuts++);
            break;
        }
        /* (the walk of a handler may register more: the hook's list moves) */
        hs = cl_xrealloc(hs, n * sizeof *hs);
        memcpy(hs, h, n * sizeof *hs);
        const void *next = cur;
        for (size_t i = 0; i < n; i++) {
            f->handler = hs[i].token;
            next = join(f, next, descend(f, fc, ev, hs[i].func, hs[i].entry != NULL ? hs[i].entry : cur));
            f->cur = fc;
        }
        f->handler = SIZE_MAX;
        before = n;
        prev = cur;
        cur = next;
    }
    free(hs);
    return cur;
}

/* Records indirect call `ev`, whose callee the walk could not resolve to
 * any function, once (cl_flow_unresolved_calls). */
static void note_unresolved(cl_flow *f, const cl_event *ev)
{
    int added = 0;
    cl_blob_lookup(&f->unresolved_set, &f->keys, &ev, sizeof ev, &added);
    if (added)
        CL_VEC_PUSH(&f->unresolved, ev);
}

static const void *walk_call(cl_flow *f, fctx *fc, const cl_event *ev, const void *st)
{
    const cl_callspec *spec = cl_callgraph_spec(f->cg, ev);
    const cl_call *c = &ev->u.call;
    const void *out = st;
    if (f->dom.call != NULL) {
        size_t one;
        const size_t *cands = NULL;
        size_t n = 0;
        if (spec == NULL && c->callee_usr != NULL)
            n = cl_callgraph_callees(f->cg, ev, &one, &cands);
        else if (spec == NULL)
            n = cl_flow_values(f, &fc->frame, &c->callee, &one, &cands);
        /* pthread_once / call_once run their routine (the first time);
         * qsort and its kin call theirs before they return */
        if (spec != NULL && (spec->kind == CL_CK_ONCE || (spec->flags & CL_CS_CALLS_NOW)) &&
            spec->func >= 0 && (size_t)spec->func < c->nargs)
            n = cl_flow_values(f, &fc->frame, &c->args[spec->func], &one, &cands);
        if (n == 0 && spec == NULL && c->callee_usr == NULL)
            note_unresolved(f, ev);
        int allow = n > 0 && !f->exhausted && fc->frame.depth < CL_FLOW_MAX_DEPTH;
        if (n > 0 && !allow)
            (void)(f->exhausted ? f->stats.budget_cuts++ : f->stats.depth_cuts++);
        int want = 0;
        out = f->dom.call(f, &fc->frame, ev, spec, st, allow ? &want : NULL);
        if (want) {
            out = NULL;
            for (size_t i = 0; i < n; i++)
                out = join(f, out, descend(f, fc, ev, cands[i], st));
            f->cur = fc;
        }
    }
    if (out != NULL && spec != NULL && spec->kind == CL_CK_EV_DISPATCH && f->dom.handlers != NULL)
        out = walk_dispatch(f, fc, ev, out);
    if (cl_callgraph_noreturn(f->cg, ev))
        return NULL;
    return out;
}

/* ---- statements ------------------------------------------------------------ */

static const void *refine(cl_flow *f, fctx *fc, const cl_node *n, int kid, const void *st)
{
    if (st == NULL || f->dom.branch == NULL)
        return st;
    return f->dom.branch(f, &fc->frame, n, kid, st);
}

static const void *walk_event(cl_flow *f, fctx *fc, const cl_event *ev, const void *st)
{
    if (st == NULL)
        return NULL;
    if (ev->kind == CL_EV_CALL)
        return walk_call(f, fc, ev, st);
    return f->dom.event ? f->dom.event(f, &fc->frame, ev, st) : st;
}

/* The alternative of `if` node `n` to walk first: the one where a setjmp
 * it tests returned 0 (the direct return), so that the longjmps that code
 * reaches are seen before the other alternative, where setjmp returns
 * again from them (the client's branch hook enters it in their state). */
static size_t first_alternative(const cl_flow *f, const cl_node *n)
{
    const cl_callspec *cs = n->kind == CL_N_BRANCH && n->nkids == 2
                                ? cl_callgraph_spec(f->cg, n->x->test_call) : NULL;
    if (cs != NULL && cs->kind == CL_CK_SETJMP && !cl_test_holds(n->x->test_op, n->x->test_value, 0))
        return 1;
    return 0;
}

/* The alternative `if` node `n` never takes when it tests a constant
 * (`if (1)`: glibc's pthread_cleanup_pop(1) expands to `if (execute)`
 * with the constant substituted; `if (!debug)` on a const global; the
 * frontend's cond_key is then the value, "~" per `!` before it), or
 * SIZE_MAX. */
static size_t dead_alternative(const cl_node *n)
{
    const char *k = n->kind == CL_N_BRANCH && n->nkids == 2 ? n->x->cond_key : NULL;
    if (k == NULL)
        return SIZE_MAX;
    int neg = 0;
    for (; *k == '~'; k++)
        neg ^= 1;
    char *end;
    errno = 0;
    long long v = strtoll(k, &end, 10);
    if (end == k || *end != '\0' || errno != 0)
        return SIZE_MAX;
    return ((v != 0) ^ neg) ? 1 : 0;
}

static const void *walk_branch(cl_flow *f, fctx *fc, const cl_node *n, const void *st)
{
    const void *c = n->cond ? walk_node(f, fc, n->cond, st) : st;
    int sw = n->kind == CL_N_SWITCH;
    if (sw) {
        jumps j = { NULL, NULL, 1 };
        CL_VEC_PUSH(&fc->w->jumps, j);
    }
    const void *out = NULL;
    size_t first = first_alternative(f, n), dead = dead_alternative(n);
    for (size_t k = 0; k < n->nkids; k++) {
        size_t i = (k + first) % n->nkids;
        if (i != dead)
            out = join(f, out, walk_node(f, fc, n->kids[i], refine(f, fc, n, (int)i, c)));
    }
    if (sw) {
        out = join(f, out, fc->w->jumps.v[fc->w->jumps.n - 1].brk);
        fc->w->jumps.n--;
    }
    return out;
}

/* One round of a loop from `head`: sets *exit to the state where the
 * condition failed and returns the state reaching the next iteration. */
static const void *loop_round(cl_flow *f, fctx *fc, const cl_node *n, const void *head,
                              const void **exit)
{
    jumps *j = &fc->w->jumps.v[fc->w->jumps.n - 1];
    j->cont = NULL;
    const void *body_in = head;
    if (n->x->do_while) {
        const void *b = n->nkids ? walk_node(f, fc, n->kids[0], head) : head;
        j = &fc->w->jumps.v[fc->w->jumps.n - 1];
        const void *c = n->cond ? walk_node(f, fc, n->cond, join(f, b, j->cont)) : join(f, b, j->cont);
        *exit = refine(f, fc, n, CL_FLOW_LOOP_EXIT, c);
        return refine(f, fc, n, CL_FLOW_LOOP_BODY, c);
    }
    const void *c = n->cond ? walk_node(f, fc, n->cond, head) : head;
    *exit = refine(f, fc, n, CL_FLOW_LOOP_EXIT, c);
    body_in = refine(f, fc, n, CL_FLOW_LOOP_BODY, c);
    const void *b = n->nkids ? walk_node(f, fc, n->kids[0], body_in) : body_in;
    j = &fc->w->jumps.v[fc->w->jumps.n - 1];
    return join(f, b, j->cont);
}

/* `do { ... } while (0)`: the body once; break and continue leave it. */
static const void *walk_once(cl_flow *f, fctx *fc, const cl_node *n, const void *st)
{
    jumps j = { NULL, NULL, 0 };
    CL_VEC_PUSH(&fc->w->jumps, j);
    const void *b = n->nkids ? walk_node(f, fc, n->kids[0], st) : st;
    jumps *top = &fc->w->jumps.v[fc->w->jumps.n - 1];
    b = join(f, join(f, b, top->cont), top->brk);
    fc->w->jumps.n--;
    if (n->cond)
        b = walk_node(f, fc, n->cond, b);
    return b;
}

static const void *walk_loop(cl_flow *f, fctx *fc, const cl_node *n, const void *st)
{
    if (n->bound == CL_LOOP_ONCE)
        return walk_once(f, fc, n, st);
    key_start(f);
    cl_flow_key(f, (uintptr_t)n);
    cl_flow_key(f, (uintptr_t)st);
    const void *memo, *unused;
    size_t mi;
    if (memo_begin(f, &fc->w->loop_memo, st, &memo, &unused, &mi))
        return memo;
    int publishing = f->publishing;
    jumps j0 = { NULL, NULL, 0 };
    CL_VEC_PUSH(&fc->w->jumps, j0);
    CL_VEC_PUSH(&fc->w->loops, n);
    fc->frame.in_loop++;
    if (f->dom.loop)
        f->dom.loop(f, &fc->frame, n, 0, st);
    const void *head = st, *exit = NULL, *iterated = NULL;
    int rounds = f->exhausted ? 0 : CL_FLOW_LOOP_ROUNDS;
    int spec = publishing && rounds > 0 && f->dom.speculate != NULL;
    for (int round = 0; round <= rounds; round++) {
        int last = round == rounds, guess = spec && round == 0;
        f->publishing = last || guess ? publishing : 0;
        if (last)
            fc->w->jumps.v[fc->w->jumps.n - 1].brk = NULL;
        size_t log0 = guess ? spec_begin(f) : 0, grew0 = fc->w->back_grew;
        iterated = loop_round(f, fc, n, head, &exit);
        if (last)
            break;
        const void *next = join(f, st, iterated);
        if (guess) {
            /* Stable also needs the backward gotos of this function to
             * have added nothing to their labels: the next round would
             * start from more there, which the head alone does not show
             * (a callee's gotos stay inside its memoized walk). */
            guess = next == head && fc->w->back_grew == grew0;
            spec_end(f, log0, guess);
        }
        if (next == head) {
            if (guess)
                break; /* the published first round was the last */
            round = rounds - 1; /* stable: one publishing round */
        } else {
            if (round == rounds - 1)
                f->stats.unstable_loops++;
            head = next;
        }
    }
    f->publishing = publishing;
    fc->frame.in_loop--;
    fc->w->loops.n--;
    if (f->dom.loop)
        f->dom.loop(f, &fc->frame, n, 1, head);
    const void *out;
    if (n->bound == CL_LOOP_INFINITE)
        out = NULL;
    else if ((n->bound == CL_LOOP_CONST || n->bound == CL_LOOP_COUNTED) && iterated != NULL)
        out = iterated; /* a counting loop is taken to run at least once */
    else
        out = exit;
    out = join(f, out, fc->w->jumps.v[fc->w->jumps.n - 1].brk);
    fc->w->jumps.n--;
    if (f->dom.loop_out != NULL && out != NULL)
        out = f->dom.loop_out(f, &fc->frame, n, out);
    memo_finish(f, &fc->w->loop_memo, mi, out, NULL);
    return out;
}

static const void *walk_jump(cl_flow *f, fctx *fc, const cl_node *n, const void *st)
{
    if (st == NULL)
        return NULL;
    for (size_t i = fc->w->jumps.n; i-- > 0;) {
        jumps *j = &fc->w->jumps.v[i];
        if (n->kind == CL_N_BREAK) {
            if (!j->is_switch && f->dom.jump != NULL)
                st = f->dom.jump(f, &fc->frame, n, st);
            j->brk = join(f, j->brk, st);
            break;
        }
        if (!j->is_switch) {
            if (f->dom.jump != NULL)
                st = f->dom.jump(f, &fc->frame, n, st);
            j->cont = join(f, j->cont, st);
            break;
        }
    }
    return NULL;
}

static const void *walk_node(cl_flow *f, fctx *fc, const cl_node *n, const void *st)
{
    /* An unreachable point is still walked while a forward goto waits for
     * its label somewhere ahead. */
    if (n == NULL || (st == NULL && fc->w->npending == 0))
        return st;
    if (++f->stats.steps > f->opts.max_steps && f->opts.max_steps > 0)
        f->exhausted = 1;
    f->cur = fc;
    switch (n->kind) {
    case CL_N_SEQ:
        for (size_t i = 0; i < n->nkids && (st != NULL || fc->w->npending > 0); i++)
            st = walk_node(f, fc, n->kids[i], st);
        return st;
    case CL_N_EVENT:
        return walk_event(f, fc, n->ev, st);
    case CL_N_BRANCH:
    case CL_N_SWITCH:
        return walk_branch(f, fc, n, st);
    case CL_N_LOOP:
        return walk_loop(f, fc, n, st);
    case CL_N_RETURN: {
        const void *c = n->cond ? walk_node(f, fc, n->cond, st) : st;
        if (c != NULL && f->publishing && f->dom.on_exit)
            f->dom.on_exit(f, &fc->frame, n, c);
        fc->w->ret = join(f, fc->w->ret, c);
        return NULL;
    }
    case CL_N_BREAK:
    case CL_N_CONTINUE:
        return walk_jump(f, fc, n, st);
    case CL_N_GOTO:
        if (st != NULL)
            do_goto(f, fc, n, f->dom.jump != NULL ? f->dom.jump(f, &fc->frame, n, st) : st);
        return NULL;
    case CL_N_LABEL:
        return at_label(f, fc, n, st);
    }
    return st;
}

static const void *run_body(cl_flow *f, fctx *fc, const void *st, const void **summary)
{
    f->stats.descents++;
    fc->entry = st;
    fwork work;
    memset(&work, 0, sizeof work);
    fc->w = &work;
    fctx *saved = f->cur;
    f->cur = fc;
    /* Backward gotos (a retry written with a label): the body runs again,
     * once, from the states the gotos carried back to their labels when
     * they add something there. Unlike a loop's rounds, both runs are
     * published: the first run's states are those of the paths that did
     * not go back (they are met again in the second run, joined), and a
     * retry rarely changes more than once, so a third run costs more than
     * it finds (counted as an unstable loop when it would have). */
    if (f->back_goto == NULL)
        f->back_goto = cl_xcalloc(f->cg->funcs.n + 1, 1);
    unsigned char *bg = &f->back_goto[fc->frame.func];
    if (*bg == 0)
        *bg = has_back_goto(fc, fc->fn->body) ? 2 : 1;
    fc->w->back_gotos = !f->exhausted && *bg == 2;
    const void *end;
    for (int round = 0;; round++) {
        fc->w->ret = NULL;
        end = walk_node(f, fc, fc->fn->body, st);
        f->cur = fc;
        if (!fc->w->back_gotos || !back_gotos_grew(f, fc))
            break;
        if (round == 1) {
            f->stats.unstable_loops++;
            break;
        }
    }
    if (end != NULL && f->publishing && f->dom.on_exit)
        f->dom.on_exit(f, &fc->frame, NULL, end);
    const void *out = join(f, fc->w->ret, end);
    *summary = f->dom.leave ? f->dom.leave(f, &fc->frame, &out) : NULL;
    free(work.jumps.v);
    free(work.loops.v);
    free(work.labels.v);
    cl_strmap_release(&work.label_ix);
    memo_release(&work.loop_memo);
    fc->w = NULL;
    f->cur = saved;
    return out;
}

/* ---- public ---------------------------------------------------------------- */

cl_flow *cl_flow_new(const cl_callgraph *cg, const cl_flow_domain *dom, const cl_flow_opts *opts)
{
    cl_flow *f = cl_xcalloc(1, sizeof *f);
    f->handler = SIZE_MAX;
    f->cg = cg;
    f->dom = *dom;
    if (opts != NULL)
        f->opts = *opts;
    f->in.arena = &f->scratch;
    f->publishing = 1;
    return f;
}

void cl_flow_free(cl_flow *f)
{
    if (f == NULL)
        return;
    memo_release(&f->calls);
    cl_blob_release(&f->unresolved_set);
    free(f->unresolved.v);
    free(f->spec_log.v);
    free(f->kw.v);
    free(f->back_goto);
    cl_interner_release(&f->in);
    cl_arena_release(&f->keys);
    cl_arena_release(&f->scratch);
    free(f);
}

const void *cl_flow_run(cl_flow *f, size_t func, const void *data, unsigned in_loop,
                        const void *entry)
{
    fctx *fc = cl_arena_alloc(&f->scratch, sizeof *fc);
    memset(fc, 0, sizeof *fc);
    fc->frame.func = func;
    fc->frame.data = data;
    fc->frame.in_loop = in_loop;
    fc->fn = f->cg->funcs.v[func].fn;
    const void *summary;
    return run_body(f, fc, entry, &summary);
}

void cl_flow_entry_calls(cl_flow *f, const char *const *paths, const cl_value *const *funcs,
                         size_t n)
{
    f->entry_call_paths = paths;
    f->entry_call_funcs = funcs;
    f->nentry_calls = paths != NULL ? n : 0;
}

void cl_flow_entry_args(cl_flow *f, const cl_value *args, size_t n)
{
    f->entry_args = args;
    f->nentry_args = args != NULL ? n : 0;
}

const void *cl_flow_state(cl_flow *f, const void *bytes)
{
    return cl_intern(&f->in, bytes, f->dom.state_size);
}

const void *cl_flow_intern(cl_flow *f, const void *bytes, size_t len)
{
    return cl_intern(&f->in, bytes, len);
}

/* a | b or a \\ b (see cl_flow_set_merge). A result equal to `a`, or to `b`
 * when `b` is interned, is returned as it is: the sets are interned, so
 * equal contents are the same pointer, and hashing them again is wasted. */
static cl_flow_set set_merge(cl_flow *f, cl_flow_set a, cl_flow_set b, int keep, int b_interned)
{
    if (b.n == 0 || a.v == b.v)
        return keep || b.n == 0 ? a : (cl_flow_set){ NULL, 0 };
    if (a.n == 0 && (!keep || b_interned))
        return keep ? b : a;
    uintptr_t *v = cl_intern_tmp(&f->in, (a.n + b.n) * sizeof *v);
    size_t n = 0, i = 0, j = 0;
    int only_a = 0, only_b = 0; /* an element of a not in b; of b not in a */
    while (i < a.n || j < b.n) {
        if (j == b.n || (i < a.n && a.v[i] < b.v[j])) {
            v[n++] = a.v[i++];
            only_a = 1;
        } else if (i == a.n || b.v[j] < a.v[i]) {
            if (keep)
                v[n++] = b.v[j];
            j++;
            only_b = 1;
        } else {
            if (keep)
                v[n++] = a.v[i];
            i++, j++;
        }
    }
    if (keep ? !only_b : n == a.n)
        return a;
    if (keep && !only_a && b_interned)
        return b;
    return (cl_flow_set){ cl_intern(&f->in, v, n * sizeof *v), n };
}

cl_flow_set cl_flow_set_merge(cl_flow *f, cl_flow_set a, cl_flow_set b, int keep)
{
    return set_merge(f, a, b, keep, 1);
}

cl_flow_set cl_flow_set_add(cl_flow *f, cl_flow_set a, uintptr_t x)
{
    return cl_flow_set_has(a, x) ? a : set_merge(f, a, (cl_flow_set){ &x, 1 }, 1, 0);
}

int cl_flow_set_has(cl_flow_set s, uintptr_t x)
{
    size_t lo = 0, hi = s.n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (s.v[mid] == x)
            return 1;
        if (s.v[mid] < x)
            lo = mid + 1;
        else
            hi = mid;
    }
    return 0;
}

cl_arena *cl_flow_scratch(cl_flow *f)
{
    return &f->scratch;
}

void *cl_flow_ctx(const cl_flow *f)
{
    return f->dom.ctx;
}

int cl_flow_publishing(const cl_flow *f)
{
    return f->publishing;
}

const cl_node *cl_flow_loop(const cl_flow *f)
{
    const fctx *fc = f->cur;
    return fc != NULL && fc->w->loops.n > 0 ? fc->w->loops.v[fc->w->loops.n - 1] : NULL;
}

int cl_flow_truncated(const cl_flow *f)
{
    return f->exhausted;
}

const cl_flow_stats *cl_flow_get_stats(const cl_flow *f)
{
    return &f->stats;
}

const cl_event *const *cl_flow_unresolved_calls(const cl_flow *f, size_t *n)
{
    *n = f->unresolved.n;
    return f->unresolved.v;
}

const cl_callgraph *cl_flow_graph(const cl_flow *f)
{
    return f->cg;
}

size_t cl_flow_handler_token(const cl_flow *f)
{
    return f->handler;
}

const void *cl_flow_entry_state(const cl_flow_frame *fr)
{
    return ((const fctx *)(const void *)fr)->entry;
}

void cl_flow_chain(const cl_flow_frame *fr, size_t n, cl_arena *a, size_t **funcs,
                   const cl_event ***calls)
{
    *funcs = cl_arena_alloc(a, n * sizeof **funcs);
    *calls = cl_arena_alloc(a, n * sizeof **calls);
    for (size_t d = n; d-- > 0; fr = fr->parent) {
        (*funcs)[d] = fr->func;
        (*calls)[d] = fr->call;
    }
}
