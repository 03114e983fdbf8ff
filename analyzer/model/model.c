/* model.c - the link phase: merge, call graph, thread walk (see model.h). */
#include "model/model.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Limits that keep the walk linear-ish on large programs. */
enum {
    MAX_CALL_DEPTH = 48,
    LOOP_ROUNDS = 3,
    MAX_STEPS_PER_THREAD = 4000000,
    MAX_THREADS = 1024
};

/* ---- interning ----------------------------------------------------------- */

/* A hash map from byte strings (any bytes, with a length) to indices. Keys
 * are borrowed: the owner keeps them alive (in an arena). */
typedef struct blobent {
    const void *p;            /* NULL: free slot */
    size_t len;
    uint64_t h;
    size_t val;
} blobent;

typedef struct blobmap {
    blobent *e;
    size_t cap, n;            /* cap is 0 or a power of two */
} blobmap;

static uint64_t blob_hash(const void *p, size_t len)
{
    const unsigned char *b = p;
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < len; i++) {
        h ^= b[i];
        h *= 1099511628211ull;
    }
    return h ^ (h >> 29);
}

/* The slot of key (p, len) with hash h: its entry, or the free slot where
 * it belongs (p == NULL). Grows the table first so that a slot is free. */
static blobent *blob_slot(blobmap *m, const void *p, size_t len, uint64_t h)
{
    if ((m->n + 1) * 4 > m->cap * 3) {
        blobmap g = { NULL, m->cap ? m->cap * 2 : 64, 0 };
        g.e = cl_xcalloc(g.cap, sizeof *g.e);
        for (size_t i = 0; i < m->cap; i++) {
            if (m->e[i].p == NULL)
                continue;
            size_t j = (size_t)m->e[i].h & (g.cap - 1);
            while (g.e[j].p != NULL)
                j = (j + 1) & (g.cap - 1);
            g.e[j] = m->e[i];
        }
        g.n = m->n;
        free(m->e);
        *m = g;
    }
    size_t mask = m->cap - 1;
    for (size_t i = (size_t)h & mask;; i = (i + 1) & mask) {
        blobent *e = &m->e[i];
        if (e->p == NULL)
            return e;
        if (e->h == h && e->len == len && memcmp(e->p, p, len) == 0)
            return e;
    }
}

static void blob_release(blobmap *m)
{
    free(m->e);
    memset(m, 0, sizeof *m);
}

/* Hash-consing of the immutable values of a thread's walk (lock and thread
 * sets, resolved paths): equal contents give the same pointer, so states
 * and memo keys can name a set by its address, and a value computed again
 * and again (a join at every branch, a path at every call) takes memory
 * once. Everything lives in `arena` (the walk's scratch arena). */
typedef struct interner {
    cl_arena *arena;
    blobmap map;
    void *tmp;                /* scratch buffer for building a value */
    size_t tmpcap;
} interner;

static void *intern_tmp(interner *in, size_t bytes)
{
    if (bytes > in->tmpcap) {
        in->tmpcap = bytes * 2;
        in->tmp = cl_xrealloc(in->tmp, in->tmpcap);
    }
    return in->tmp;
}

/* The canonical copy of the `len` bytes at `p` (NULL for len 0). */
static const void *intern_blob(interner *in, const void *p, size_t len)
{
    if (len == 0)
        return NULL;
    uint64_t h = blob_hash(p, len);
    blobent *e = blob_slot(&in->map, p, len, h);
    if (e->p == NULL) {
        void *q = cl_arena_alloc(in->arena, len);
        memcpy(q, p, len);
        e->p = q;
        e->len = len;
        e->h = h;
        in->map.n++;
    }
    return e->p;
}

/* A zeroed temporary array of `n` lock references: a cl_lockref has
 * padding, which must not make equal sets differ as bytes. */
static cl_lockref *intern_tmp_locks(interner *in, size_t n)
{
    cl_lockref *v = intern_tmp(in, n * sizeof *v);
    memset(v, 0, n * sizeof *v);
    return v;
}

static const size_t *intern_ids(interner *in, const size_t *v, size_t n)
{
    return intern_blob(in, v, n * sizeof *v);
}

static const char *intern_str(interner *in, const char *s)
{
    return s ? intern_blob(in, s, strlen(s) + 1) : NULL;
}

static void intern_release(interner *in)
{
    blob_release(&in->map);
    free(in->tmp);
    memset(in, 0, sizeof *in);
}

/* ---- sets --------------------------------------------------------------- */

/* Every set of a state is interned (intern_ids, or NULL when empty): two
 * sets are equal iff their pointers are. */

typedef struct state {
    int bottom;               /* unreachable */
    size_t nlocks;
    const cl_lockref *locks;  /* must be held; sorted by lock; interned, immutable */
    size_t nlive;
    const size_t *live;       /* sorted; interned, immutable */
    size_t nmay;
    const size_t *may;        /* held on some path (a superset of locks); sorted */
    int bphase;               /* barrier waits passed, mod 2; -1 when paths disagree */
} state;

static const state BOTTOM = { 1, 0, NULL, 0, NULL, 0, NULL, 0 };

static int locks_equal(const state *a, const state *b)
{
    if (a->nlocks != b->nlocks)
        return 0;
    for (size_t i = 0; i < a->nlocks; i++)
        if (a->locks[i].lock != b->locks[i].lock || a->locks[i].mode != b->locks[i].mode)
            return 0;
    return 1;
}

static int ids_equal(const size_t *a, size_t na, const size_t *b, size_t nb)
{
    return na == nb && (na == 0 || memcmp(a, b, na * sizeof *a) == 0);
}

static int state_equal(const state *a, const state *b)
{
    if (a->bottom || b->bottom)
        return a->bottom == b->bottom;
    return locks_equal(a, b) && ids_equal(a->live, a->nlive, b->live, b->nlive) &&
           ids_equal(a->may, a->nmay, b->may, b->nmay) && a->bphase == b->bphase;
}

static int contains(const size_t *v, size_t n, size_t x)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (v[mid] == x)
            return 1;
        if (v[mid] < x)
            lo = mid + 1;
        else
            hi = mid;
    }
    return 0;
}

/* Sorted union of two id sets, interned. */
static const size_t *ids_union(interner *a, const size_t *x, size_t nx, const size_t *y,
                               size_t ny, size_t *nout)
{
    if (ny == 0 || x == y) { /* (interned: equal pointers, equal sets) */
        *nout = nx;
        return x;
    }
    if (nx == 0) {
        *nout = ny;
        return intern_ids(a, y, ny); /* (y may be a single id on the stack) */
    }
    size_t *v = intern_tmp(a, (nx + ny) * sizeof *v);
    size_t n = 0, i = 0, j = 0;
    while (i < nx || j < ny) {
        if (j == ny || (i < nx && x[i] < y[j]))
            v[n++] = x[i++];
        else if (i == nx || y[j] < x[i])
            v[n++] = y[j++];
        else {
            v[n++] = x[i++];
            j++;
        }
    }
    *nout = n;
    return intern_ids(a, v, n);
}

static const size_t *ids_add(interner *a, const size_t *x, size_t nx, size_t id, size_t *nout)
{
    return ids_union(a, x, nx, &id, 1, nout);
}

static const size_t *ids_remove(interner *a, const size_t *x, size_t nx, size_t id, size_t *nout)
{
    if (!contains(x, nx, id)) {
        *nout = nx;
        return x;
    }
    size_t *v = intern_tmp(a, nx * sizeof *v);
    size_t n = 0;
    for (size_t i = 0; i < nx; i++)
        if (x[i] != id)
            v[n++] = x[i];
    *nout = n;
    return intern_ids(a, v, n);
}

/* Meet of two states where control flow merges: locks held on both paths
 * (shared if shared on either), locks held on either path (may), threads
 * live on either path. */
static state join(interner *a, state x, state y)
{
    if (x.bottom)
        return y;
    if (y.bottom)
        return x;
    if (state_equal(&x, &y))
        return x;
    state r = { 0, 0, NULL, 0, NULL, 0, NULL, x.bphase == y.bphase ? x.bphase : -1 };
    r.may = ids_union(a, x.may, x.nmay, y.may, y.nmay, &r.nmay);
    cl_lockref *locks = intern_tmp_locks(a, x.nlocks + 1);
    for (size_t i = 0, j = 0; i < x.nlocks && j < y.nlocks;) {
        if (x.locks[i].lock == y.locks[j].lock) {
            locks[r.nlocks].lock = x.locks[i].lock;
            locks[r.nlocks++].mode = x.locks[i].mode | y.locks[j].mode;
            i++, j++;
        } else if (x.locks[i].lock < y.locks[j].lock) {
            i++;
        } else {
            j++;
        }
    }
    r.locks = intern_blob(a, locks, r.nlocks * sizeof *locks);
    r.live = ids_union(a, x.live, x.nlive, y.live, y.nlive, &r.nlive);
    return r;
}

static state add_lock(interner *a, state s, size_t lock, unsigned mode)
{
    cl_lockref *v = intern_tmp_locks(a, s.nlocks + 1);
    size_t n = 0, i = 0;
    while (i < s.nlocks && s.locks[i].lock < lock)
        v[n++] = s.locks[i++];
    if (i < s.nlocks && s.locks[i].lock == lock)
        i++; /* re-acquired: replace the mode */
    v[n].lock = lock;
    v[n++].mode = mode;
    while (i < s.nlocks)
        v[n++] = s.locks[i++];
    s.locks = intern_blob(a, v, n * sizeof *v);
    s.nlocks = n;
    s.may = ids_add(a, s.may, s.nmay, lock, &s.nmay);
    return s;
}

static state remove_lock(interner *a, state s, size_t lock)
{
    s.may = ids_remove(a, s.may, s.nmay, lock, &s.nmay);
    size_t k = s.nlocks;
    for (size_t i = 0; i < s.nlocks; i++)
        if (s.locks[i].lock == lock)
            k = i;
    if (k == s.nlocks)
        return s;
    cl_lockref *v = intern_tmp_locks(a, s.nlocks);
    size_t n = 0;
    for (size_t i = 0; i < s.nlocks; i++)
        if (i != k)
            v[n++] = s.locks[i];
    s.locks = intern_blob(a, v, n * sizeof *v);
    s.nlocks = n;
    return s;
}

static state add_live(interner *a, state s, size_t t)
{
    if (contains(s.live, s.nlive, t))
        return s;
    size_t *v = intern_tmp(a, (s.nlive + 1) * sizeof *v);
    size_t n = 0, i = 0;
    while (i < s.nlive && s.live[i] < t)
        v[n++] = s.live[i++];
    v[n++] = t;
    while (i < s.nlive)
        v[n++] = s.live[i++];
    s.live = intern_ids(a, v, n);
    s.nlive = n;
    return s;
}

static state remove_live(interner *a, state s, size_t t)
{
    s.live = ids_remove(a, s.live, s.nlive, t, &s.nlive);
    return s;
}

/* ---- walk ---------------------------------------------------------------- */

/* Length of the variable part of a raw path: a global's "G<usr>" or a
 * local's "L<fn>#name@line"; 0 for anything else. */
static size_t table_root_len(const char *path)
{
    if (path[0] == 'G')
        return cl_path_root_len(path);
    if (path[0] != 'L')
        return 0;
    const char *hash = strchr(path, '#');
    const char *at = hash ? strchr(hash, '@') : NULL;
    if (at == NULL)
        return 0;
    return (size_t)(at + 1 - path) + strspn(at + 1, "0123456789");
}

typedef struct thread_extra {
    const cl_frame *walk_frame; /* where the spawn ran, in the creator's walk
                                   (its scratch frame; spawn_frame is the copy) */
    const char *handle_path; /* where the spawn stored the handle */
    const char *handle_sig;  /* its field chain ("P0.thread_id" -> ".thread_id") */
} thread_extra;

/* The field chain of a raw handle path: what is left after the variable
 * ("P0.thread_id", "Gc:@srv.listener" -> ".thread_id", ".listener"), or
 * NULL when there is none. Used to pair a join with a spawn whose handle
 * lives in an object the analysis does not track (`mosq->thread_id` on the
 * heap): the same field of the same kind of object. */
static const char *handle_signature(const cl_value *v)
{
    if ((v->kind != CL_VAL_ADDR && v->kind != CL_VAL_LOAD) || v->path == NULL)
        return NULL;
    const char *p = v->path;
    size_t root = 0;
    if (p[0] == 'P' || p[0] == 'V')
        root = 1 + strspn(p + 1, "0123456789");
    else
        root = table_root_len(p);
    if (root == 0 || p[root] != '.')
        return NULL;
    return p + root;
}

typedef struct extravec {
    thread_extra *v;
    size_t n, cap;
} extravec;

/* A memo of walks: key -> index into out. `recorded` says whether the
 * memoized walk also recorded its accesses (a non-recording walk must be
 * redone once when recording); `busy` marks walks in progress (recursion). */
typedef struct memo_table {
    blobmap map;                          /* key (a words key) -> index */
    cl_arena keys;
    struct { state *v; size_t n, cap; } out;
    struct { unsigned char *v; size_t n, cap; } busy;
    struct { unsigned char *v; size_t n, cap; } recorded;
} memo_table;

static void memo_release(memo_table *t)
{
    blob_release(&t->map);
    cl_arena_release(&t->keys);
    free(t->out.v);
    free(t->busy.v);
    free(t->recorded.v);
    memset(t, 0, sizeof *t);
}

typedef struct walk {
    cl_model *m;
    size_t thread;
    int thread_multi;
    size_t steps;
    /* Accesses are recorded only on a loop's last, stable round (and
     * outside loops); fixpoint rounds just compute states. */
    int recording;
    /* Scratch memory of this thread's walk: the states, bindings and
     * resolved paths the walk computes, most of them dead a few steps
     * later. Released when the thread is done; what outlives the walk
     * (record sets and paths, thread arguments, lock names, handles) is
     * copied into the model's arena (persist_*). Frames are allocated in
     * the model's arena directly (records and threads point to them). */
    cl_arena scratch;
    blobmap persisted_frames;             /* scratch frame address -> its copy */
    interner in;                          /* interned values, in `scratch` */
    memo_table calls;                     /* function calls, for the whole thread */
    struct { cl_idvec *v; size_t n, cap; } memo_joined; /* per memo entry of a call */
    blobmap seen_acc;                     /* dedupe of access and call records */
    /* The key being built for a memo or record lookup: words (function
     * index, event and node addresses, interned paths and sets; see
     * key_state). Equal keys mean equal walks. */
    struct { uintptr_t *v; size_t n, cap; } kw;
    cl_strmap spawns;                     /* spawn key -> thread id */
    extravec *extra;
    cl_strbuf key;
} walk;

typedef struct jumps {
    state brk, cont;
    int is_switch;
} jumps;

typedef struct fctx {
    const cl_frame *frame;
    size_t nbind;
    const char **bind;                    /* resolved pointee path per parameter, or NULL */
    const unsigned char *bind_per_inst;
    int in_loop;                          /* a loop encloses this point (any frame) */
    state ret;                            /* states reaching a return */
    cl_idvec joined;                      /* threads joined on some path */
    memo_table loops;                     /* loops of this invocation */
    struct { jumps *v; size_t n, cap; } jumps;
} fctx;

static state walk_node(walk *w, fctx *fc, const cl_node *n, state st);
static state call_function(walk *w, fctx *fc, size_t fidx, const cl_event *call, state st);

static cl_arena *MA(walk *w)
{
    return &w->scratch;
}

static interner *IN(walk *w)
{
    return &w->in;
}

/* The interned concatenation of `a` and `b` (neither in the interner's
 * temporary buffer). */
static const char *intern_cat(walk *w, const char *a, const char *b)
{
    size_t na = strlen(a), nb = strlen(b);
    char *t = intern_tmp(IN(w), na + nb + 1);
    memcpy(t, a, na);
    memcpy(t + na, b, nb + 1);
    return intern_blob(IN(w), t, na + nb + 1);
}

/* Copies of walk data that outlive the thread's walk, in the model's arena. */
static const char *persist_str(walk *w, const char *s)
{
    return cl_arena_strdup(&w->m->arena, s);
}

static const void *persist_mem(walk *w, const void *p, size_t n)
{
    if (n == 0)
        return NULL; /* an empty set (p may point into the scratch arena) */
    void *q = cl_arena_alloc(&w->m->arena, n);
    memcpy(q, p, n);
    return q;
}

/* The copy in the model's arena of the call chain `f` (in the walk's
 * scratch arena), made once per frame: distinct frames stay distinct. */
static const cl_frame *persist_frame(walk *w, const cl_frame *f)
{
    if (f == NULL)
        return NULL;
    uintptr_t key = (uintptr_t)f;
    uint64_t h = blob_hash(&key, sizeof key);
    blobent *e = blob_slot(&w->persisted_frames, &key, sizeof key, h);
    if (e->p != NULL)
        return (const cl_frame *)e->val;
    uintptr_t *k = cl_arena_alloc(MA(w), sizeof *k);
    *k = key;
    e->p = k;
    e->len = sizeof *k;
    e->h = h;
    w->persisted_frames.n++;
    /* (the entry is complete before the parent's copy may grow the table) */
    cl_frame *c = cl_arena_alloc(&w->m->arena, sizeof *c);
    e->val = (size_t)(uintptr_t)c;
    c->parent = persist_frame(w, f->parent);
    c->call = f->call;
    c->func = f->func;
    return c;
}

size_t cl_model_func_index(const cl_model *m, const char *usr)
{
    size_t i;
    if (usr == NULL || !cl_strmap_get(&m->func_by_usr, usr, &i))
        return SIZE_MAX;
    return i;
}

const cl_mfunc *cl_model_func(const cl_model *m, const char *usr)
{
    size_t i = cl_model_func_index(m, usr);
    return i == SIZE_MAX ? NULL : &m->funcs.v[i];
}

const cl_callspec *cl_model_callspec(const cl_model *m, const cl_event *ev)
{
    if (ev == NULL || ev->kind != CL_EV_CALL || ev->u.call.callee_usr == NULL)
        return NULL;
    const cl_callspec *cs = cl_callspec_find(m->specs, ev->u.call.callee_name);
    /* A project function that merely shares a library name (a static
     * `sleep` helper, say) is not the library function, unless configured. */
    if (cs != NULL && cl_model_func(m, ev->u.call.callee_usr) != NULL &&
        (m->specs == NULL || cs < m->specs->extra || cs >= m->specs->extra + m->specs->nextra))
        return NULL;
    return cs;
}

/* Substitutes parameters and qualifies stack objects ("L...") with the
 * thread that owns the frame. Returns NULL for untracked paths.
 *
 * A parameter is bound to the pointee path of a pointer argument ("P<n>"
 * uses it), or, for a by-value argument, to "=" followed by the location
 * the value was loaded from ("V<n>" uses it: e.g. the pthread_t a helper
 * gives to pthread_join). */
static const char *resolve(walk *w, const fctx *fc, const char *path, int *per_inst)
{
    if (path == NULL)
        return NULL;
    if (path[0] == 'P' || path[0] == 'V') {
        char *end;
        unsigned long n = strtoul(path + 1, &end, 10);
        if (n >= fc->nbind || fc->bind[n] == NULL)
            return NULL;
        const char *b = fc->bind[n];
        int by_value = b[0] == '=';
        if (by_value != (path[0] == 'V'))
            return NULL;
        if (per_inst != NULL && fc->bind_per_inst != NULL && fc->bind_per_inst[n])
            *per_inst = 1;
        if (by_value)
            return *end == '\0' ? b + 1 : NULL;
        if (*end == '\0')
            return b;
        return intern_cat(w, b, end);
    }
    if (path[0] == 'L') {
        char own[32];
        snprintf(own, sizeof own, "T%zu:", w->thread);
        return intern_cat(w, own, path);
    }
    if (path[0] == 'G' && w->m->pointer_alias.n > 0) {
        /* "Gsp->.count" with `sp = &stats` for good: "Gstats.count". */
        const char *arrow = strstr(path, "->");
        if (arrow != NULL) {
            size_t idx, rn = (size_t)(arrow - path);
            char *root = intern_tmp(IN(w), rn + 1);
            memcpy(root, path, rn);
            root[rn] = '\0';
            if (cl_strmap_get(&w->m->pointer_alias, root, &idx))
                return intern_cat(w, w->m->alias_targets.v[idx], arrow + 2);
        }
    }
    return path;
}

/* The location an ADDR value points to or a LOAD value was read from. */
static const char *value_path(walk *w, const fctx *fc, const cl_value *v, int *per_inst)
{
    if (v->kind != CL_VAL_ADDR && v->kind != CL_VAL_LOAD)
        return NULL;
    if (per_inst != NULL && v->per_iteration)
        *per_inst = 1;
    return resolve(w, fc, v->path, per_inst);
}

/* What a parameter is bound to for argument `v` (see resolve). An element
 * picked with the caller's local index is the callee's own in each
 * execution (cl_value.local_index): per instance, as the caller's own
 * access through that index would be. */
static const char *binding(walk *w, const fctx *fc, const cl_value *v, int *per_inst)
{
    const char *p = value_path(w, fc, v, per_inst);
    if (p != NULL && per_inst != NULL && v->local_index)
        *per_inst = 1;
    if (p != NULL && v->kind == CL_VAL_LOAD)
        return intern_cat(w, "=", p);
    return p;
}

static size_t lock_id(cl_model *m, const char *path)
{
    size_t id;
    if (cl_strmap_get(&m->lock_by_name, path, &id))
        return id;
    path = cl_arena_strdup(&m->arena, path); /* may be walk scratch */
    id = m->lock_names.n;
    CL_VEC_PUSH(&m->lock_names, path);
    cl_strmap_put(&m->lock_by_name, path, id);
    return id;
}

static void key_word(walk *w, uintptr_t x)
{
    CL_VEC_PUSH(&w->kw, x);
}

/* Appends the state to the key: its sets are interned, so their addresses
 * and sizes name them. */
static void key_state(walk *w, const state *st)
{
    key_word(w, (uintptr_t)st->locks);
    key_word(w, st->nlocks);
    key_word(w, (uintptr_t)st->may);
    key_word(w, st->nmay);
    key_word(w, (uintptr_t)(intptr_t)st->bphase);
    key_word(w, (uintptr_t)st->live);
    key_word(w, st->nlive);
}

/* Looks the key in w->kw up in `map`, adding it (copied into `keys`) when
 * it is new: returns the entry, whose `val` the caller sets for a new one
 * (*added = 1). */
static blobent *key_lookup(walk *w, blobmap *map, cl_arena *keys, int *added)
{
    size_t len = w->kw.n * sizeof *w->kw.v;
    uint64_t h = blob_hash(w->kw.v, len);
    blobent *e = blob_slot(map, w->kw.v, len, h);
    *added = e->p == NULL;
    if (*added) {
        void *q = cl_arena_alloc(keys, len);
        memcpy(q, w->kw.v, len);
        e->p = q;
        e->len = len;
        e->h = h;
        map->n++;
    }
    return e;
}

/* Completes the record key in w->kw (the caller has written what the
 * record is about) with the state `st`. Returns 1 the first time the key is
 * seen in this walk, 0 for a duplicate record. */
static int first_record(walk *w, const state *st)
{
    key_state(w, st);
    int added;
    key_lookup(w, &w->seen_acc, MA(w), &added);
    return added;
}

static void record_access(walk *w, fctx *fc, const cl_event *ev, state st)
{
    if (!w->recording)
        return;
    int per_inst = 0;
    const char *path = resolve(w, fc, ev->u.access.path, &per_inst);
    if (path == NULL)
        return;
    /* A stack object of a multi thread is private to each instance. */
    char own[32];
    int n = snprintf(own, sizeof own, "T%zu:", w->thread);
    if (n > 0 && strncmp(path, own, (size_t)n) == 0)
        per_inst = 1;
    path = intern_str(IN(w), path);
    w->kw.n = 0;
    key_word(w, 1);
    key_word(w, (uintptr_t)ev);
    key_word(w, (uintptr_t)path);
    key_word(w, (uintptr_t)per_inst);
    if (!first_record(w, &st))
        return;
    cl_accrec r;
    memset(&r, 0, sizeof r);
    r.ev = ev;
    r.path = persist_str(w, path);
    r.thread = w->thread;
    r.nlocks = st.nlocks;
    r.locks = persist_mem(w, st.locks, st.nlocks * sizeof *st.locks);
    r.nmay = st.nmay;
    r.may = persist_mem(w, st.may, st.nmay * sizeof *st.may);
    r.nlive = st.nlive;
    r.live = persist_mem(w, st.live, st.nlive * sizeof *st.live);
    r.frame = persist_frame(w, fc->frame);
    r.per_instance = (unsigned)per_inst;
    r.barrier_phase = (signed char)st.bphase;
    CL_VEC_PUSH(&w->m->accesses, r);
}

/* Records a classified library call with the state before it (cl_callrec). */
static void record_call(walk *w, fctx *fc, const cl_event *ev, const cl_callspec *cs, state st)
{
    w->kw.n = 0;
    key_word(w, 2);
    key_word(w, (uintptr_t)ev);
    if (!first_record(w, &st))
        return;
    cl_callrec r;
    memset(&r, 0, sizeof r);
    r.ev = ev;
    r.spec = cs;
    r.thread = w->thread;
    r.nlocks = st.nlocks;
    r.locks = persist_mem(w, st.locks, st.nlocks * sizeof *st.locks);
    r.nlive = st.nlive;
    r.live = persist_mem(w, st.live, st.nlive * sizeof *st.live);
    r.frame = persist_frame(w, fc->frame);
    CL_VEC_PUSH(&w->m->calls, r);
}

/* The access a library call makes through argument `arg` (memcpy's
 * destination, snprintf's buffer): an access event synthesized once per
 * call site and argument, owned by the model. */
static const cl_event *lib_access(cl_model *m, const cl_event *call, int arg, unsigned kind)
{
    char key[48];
    snprintf(key, sizeof key, "%p:%d:%u", (const void *)call, arg, kind);
    size_t idx;
    if (cl_strmap_get(&m->lib_events, key, &idx))
        return m->lib_access.v[idx];
    const cl_value *v = &call->u.call.args[arg];
    cl_event *e = cl_arena_alloc(&m->arena, sizeof *e);
    e->kind = CL_EV_ACCESS;
    e->loc = call->loc;
    e->u.access.path = v->path;
    if (v->path != NULL && (v->path[0] == 'G' || v->path[0] == 'L'))
        e->u.access.name = cl_model_path_display(m, v->path);
    else
        e->u.access.name = cl_arena_printf(&m->arena, "%s %s", call->u.call.callee_name,
                                           (kind & CL_ACC_WRITE) ? "destination" : "source");
    e->u.access.flags = kind;
    CL_VEC_PUSH(&m->lib_access, e);
    cl_strmap_put(&m->lib_events, cl_arena_strdup(&m->arena, key), m->lib_access.n - 1);
    return e;
}

/* Adds function `k` to the dispatch table named `owner` (a raw path). */
static void table_add(cl_model *m, const char *owner, size_t k)
{
    size_t tab;
    if (!cl_strmap_get(&m->table_by_global, owner, &tab)) {
        tab = m->tables.n;
        cl_idvec none = { NULL, 0, 0 };
        CL_VEC_PUSH(&m->tables, none);
        cl_strmap_put(&m->table_by_global, owner, tab);
    }
    for (size_t q = 0; q < m->tables.v[tab].n; q++)
        if (m->tables.v[tab].v[q] == k)
            return;
    CL_VEC_PUSH(&m->tables.v[tab], k);
}

/* Functions an indirect call or spawn may reach: the function a local
 * pointer holds, or every function named in the initializer of the global
 * table the pointer was loaded from. Returns the count; *out is borrowed. */
static size_t fn_candidates(const cl_model *m, const cl_value *v, size_t *one, const size_t **out)
{
    if (v->kind == CL_VAL_FUNC) {
        *one = cl_model_func_index(m, v->func_usr);
        *out = one;
        return *one == SIZE_MAX ? 0 : 1;
    }
    if (v->kind != CL_VAL_ADDR || v->path == NULL)
        return 0;
    size_t end = table_root_len(v->path);
    char root[512];
    if (end >= sizeof root)
        return 0;
    memcpy(root, v->path, end);
    root[end] = '\0';
    size_t t;
    if (!cl_strmap_get(&m->table_by_global, root, &t))
        return 0;
    *out = m->tables.v[t].v;
    return m->tables.v[t].n;
}

static state spawn_one(walk *w, fctx *fc, const cl_event *ev, const cl_callspec *cs, size_t entry,
                       state st);

static state do_spawn(walk *w, fctx *fc, const cl_event *ev, const cl_callspec *cs, state st)
{
    cl_model *m = w->m;
    const cl_call *c = &ev->u.call;
    if (cs->func < 0 || (size_t)cs->func >= c->nargs)
        return st;
    size_t one;
    const size_t *cands;
    size_t ncands = fn_candidates(m, &c->args[cs->func], &one, &cands);
    for (size_t i = 0; i < ncands; i++)
        st = spawn_one(w, fc, ev, cs, cands[i], st);
    return st; /* no candidate: start routine unknown or outside the project */
}

/* One thread instance for spawn `ev` running `entry`. */
static state spawn_one(walk *w, fctx *fc, const cl_event *ev, const cl_callspec *cs, size_t entry,
                       state st)
{
    cl_model *m = w->m;
    const cl_call *c = &ev->u.call;
    int per_inst = 0;
    const char *arg = NULL;
    if (cs->data >= 0 && (size_t)cs->data < c->nargs)
        if (c->args[cs->data].kind == CL_VAL_ADDR) /* the start routine gets a pointer */
            arg = value_path(w, fc, &c->args[cs->data], &per_inst);
    const char *handle = NULL;
    if (cs->obj >= 0 && (size_t)cs->obj < c->nargs)
        handle = value_path(w, fc, &c->args[cs->obj], NULL);
    /* A thread that starts its own start routine again (directly or
     * through a chain of threads): the instances are one recursive family,
     * modelled by the ancestor instance, which now runs several times. */
    for (size_t a = w->thread; a != SIZE_MAX; a = m->threads.v[a].creator) {
        if (m->threads.v[a].entry == entry && m->threads.v[a].spawn != NULL) {
            m->threads.v[a].multi = 1;
            return st;
        }
    }
    cl_strbuf *k = &w->key;
    k->len = 0;
    cl_strbuf_addf(k, "spawn|%p|%zu|%zu|%s", (const void *)ev, w->thread, entry, arg ? arg : "");
    size_t id;
    if (cl_strmap_get(&w->spawns, cl_strbuf_str(k), &id)) {
        /* Reached again. Outside a loop this is a second execution of the
         * spawn (the function was called again); inside one, the loop
         * already made it multi. */
        m->threads.v[id].multi = 1;
    } else {
        if (m->threads.n >= MAX_THREADS)
            return st;
        id = m->threads.n;
        cl_thread t;
        memset(&t, 0, sizeof t);
        t.id = id;
        t.entry = entry;
        t.creator = w->thread;
        t.spawn = ev;
        t.spawn_frame = persist_frame(w, fc->frame);
        t.arg_path = arg ? persist_str(w, arg) : NULL;
        t.multi = (unsigned)(fc->in_loop || w->thread_multi);
        t.arg_per_instance = (unsigned)per_inst;
        t.nlive_at_spawn = st.nlive;
        t.live_at_spawn = persist_mem(w, st.live, st.nlive * sizeof *st.live);
        CL_VEC_PUSH(&m->threads, t);
        thread_extra x = { fc->frame, handle ? persist_str(w, handle) : NULL,
                           handle_signature(&c->args[cs->obj]) };
        CL_VEC_PUSH(w->extra, x);
        m->funcs.v[entry].thread_entry = 1;
        cl_strmap_put(&w->spawns, cl_arena_strdup(MA(w), cl_strbuf_str(k)), id);
    }
    return add_live(IN(w), st, id);
}

static state do_join(walk *w, fctx *fc, const cl_event *ev, const cl_callspec *cs, state st)
{
    const cl_call *c = &ev->u.call;
    if (cs->obj < 0 || (size_t)cs->obj >= c->nargs)
        return st;
    const char *h = value_path(w, fc, &c->args[cs->obj], NULL);
    const char *sig = handle_signature(&c->args[cs->obj]);
    for (size_t i = 0; i < st.nlive;) {
        size_t t = st.live[i];
        const thread_extra *x = t < w->extra->n ? &w->extra->v[t] : NULL;
        int same = x != NULL && x->handle_path != NULL && h != NULL && strcmp(x->handle_path, h) == 0;
        /* Either handle untracked: pair by field chain instead. */
        if (!same && x != NULL && (x->handle_path == NULL || h == NULL))
            same = sig != NULL && x->handle_sig != NULL && strcmp(sig, x->handle_sig) == 0;
        /* Neither can be named at all (`tids[i]` with `tids` a local
         * pointer to the heap): the join pairs with what the same
         * invocation started that way, as a spawn loop and its join loop. */
        if (!same && x != NULL && h == NULL && sig == NULL && x->handle_path == NULL &&
            x->handle_sig == NULL)
            same = x->walk_frame == fc->frame;
        if (same) {
            st = remove_live(IN(w), st, t);
            CL_VEC_PUSH(&fc->joined, t);
            continue;
        }
        i++;
    }
    return st;
}

static state walk_call(walk *w, fctx *fc, const cl_event *ev, state st)
{
    const cl_call *c = &ev->u.call;
    const cl_callspec *cs = cl_model_callspec(w->m, ev);
    if (cs != NULL) {
        record_call(w, fc, ev, cs, st);
        for (int a = 0; a < 8 && (size_t)a < c->nargs; a++) {
            unsigned kind = ((cs->writes >> a) & 1u ? CL_ACC_WRITE : 0) |
                            ((cs->reads >> a) & 1u ? CL_ACC_READ : 0);
            if (kind != 0 && c->args[a].kind == CL_VAL_ADDR)
                record_access(w, fc, lib_access(w->m, ev, a, kind), st);
        }
        const char *lp = NULL;
        if (cs->obj >= 0 && (size_t)cs->obj < c->nargs)
            lp = value_path(w, fc, &c->args[cs->obj], NULL);
        switch (cs->kind) {
        case CL_CK_SEM_INIT:
            /* A semaphore that starts at 1 and is waited on before the
             * critical section and posted after it is a lock. */
            if (lp != NULL && cs->data >= 0 && (size_t)cs->data < c->nargs &&
                c->args[cs->data].kind == CL_VAL_INT && c->args[cs->data].ival == 1 &&
                !cl_strmap_get(&w->m->binary_sems, lp, NULL))
                cl_strmap_put(&w->m->binary_sems, persist_str(w, lp), 1);
            return st;
        case CL_CK_SEM_WAIT:
        case CL_CK_SEM_POST: {
            if (lp == NULL || !cl_strmap_get(&w->m->binary_sems, lp, NULL))
                return st;
            size_t id = lock_id(w->m, lp);
            char key[64];
            snprintf(key, sizeof key, "%c|%zu|%zu", cs->kind == CL_CK_SEM_WAIT ? 'w' : 'p', id,
                     w->thread);
            if (!cl_strmap_get(&w->m->sem_use, key, NULL))
                cl_strmap_put(&w->m->sem_use, persist_str(w, key), 1);
            return cs->kind == CL_CK_SEM_WAIT ? add_lock(IN(w), st, id, 0)
                                              : remove_lock(IN(w), st, id);
        }
        case CL_CK_SPAWN:
            return do_spawn(w, fc, ev, cs, st);
        case CL_CK_JOIN:
        case CL_CK_TIMEDJOIN:
            return do_join(w, fc, ev, cs, st);
        case CL_CK_LOCK:
            return lp ? add_lock(IN(w), st, lock_id(w->m, lp), 0) : st;
        case CL_CK_TRYLOCK:
            /* Held only where a test of its result says it succeeded
             * (walk_node, BRANCH and LOOP). */
            return st;
        case CL_CK_RDLOCK:
            return lp ? add_lock(IN(w), st, lock_id(w->m, lp), CL_LOCK_SHARED) : st;
        case CL_CK_UNLOCK:
            return lp ? remove_lock(IN(w), st, lock_id(w->m, lp)) : st;
        case CL_CK_NORETURN:
            return BOTTOM;
        case CL_CK_BARRIER_WAIT:
            /* Threads that meet at barriers run in phases: accesses an odd
             * and an even number of waits into their threads are ordered
             * (DESIGN: barriers). */
            w->m->threads.v[w->thread].uses_barrier = 1;
            if (st.bphase >= 0)
                st.bphase = (st.bphase + 1) % 2;
            return st;
        default:
            return st;
        }
    }
    size_t fidx = cl_model_func_index(w->m, c->callee_usr);
    if (fidx != SIZE_MAX)
        return call_function(w, fc, fidx, ev, st);
    if (c->callee_usr != NULL)
        return st; /* a function outside the project */
    /* Indirect: every function the pointer may hold; paths meet after. */
    size_t one;
    const size_t *cands;
    size_t n = fn_candidates(w->m, &c->callee, &one, &cands);
    if (n == 0)
        return st;
    state out = BOTTOM;
    for (size_t i = 0; i < n; i++)
        out = join(IN(w), out, call_function(w, fc, cands[i], ev, st));
    return out;
}

int cl_test_holds(cl_test_op op, long long v, long long x)
{
    switch (op) {
    case CL_TEST_EQ: return x == v;
    case CL_TEST_NE: return x != v;
    case CL_TEST_LT: return x < v;
    case CL_TEST_LE: return x <= v;
    case CL_TEST_GT: return x > v;
    case CL_TEST_GE: return x >= v;
    case CL_TEST_NONE: break;
    }
    return 0;
}

/* If node `n` tests a trylock's result, the state with that lock added
 * (for the alternative where it succeeded). */
static state trylock_acquired(walk *w, fctx *fc, const cl_node *n, state st)
{
    const cl_callspec *cs = cl_model_callspec(w->m, n->test_call);
    if (cs == NULL || cs->kind != CL_CK_TRYLOCK || cs->obj < 0 ||
        (size_t)cs->obj >= n->test_call->u.call.nargs)
        return st;
    const char *lp = value_path(w, fc, &n->test_call->u.call.args[cs->obj], NULL);
    return lp ? add_lock(IN(w), st, lock_id(w->m, lp), 0) : st;
}

static state walk_seq(walk *w, fctx *fc, const cl_node *n, state st)
{
    for (size_t i = 0; i < n->nkids && !st.bottom; i++)
        st = walk_node(w, fc, n->kids[i], st);
    return st;
}

/* Looks the key in w->kw up in `t`. Returns 1 with *out set when a usable
 * result is memoized; otherwise 0 with *slot set to the entry to fill
 * (marked busy) by memo_finish. A busy entry (recursion) yields the entry
 * state. */
static int memo_begin(walk *w, memo_table *t, state st, state *out, size_t *slot)
{
    int added;
    blobent *e = key_lookup(w, &t->map, &t->keys, &added);
    size_t mi;
    if (!added) {
        mi = e->val;
        if (t->busy.v[mi]) {
            *out = st;
            return 1;
        }
        if (!w->recording || t->recorded.v[mi]) {
            *out = t->out.v[mi];
            return 1;
        }
        t->busy.v[mi] = 1;
        *slot = mi;
        return 0;
    }
    mi = t->out.n;
    e->val = mi;
    CL_VEC_PUSH(&t->out, st);
    CL_VEC_PUSH(&t->busy, 1);
    CL_VEC_PUSH(&t->recorded, 0);
    *slot = mi;
    return 0;
}

static void memo_finish(walk *w, memo_table *t, size_t mi, state out)
{
    t->out.v[mi] = out;
    t->busy.v[mi] = 0;
    if (w->recording)
        t->recorded.v[mi] = 1;
}

static state walk_loop(walk *w, fctx *fc, const cl_node *n, state st)
{
    w->kw.n = 0;
    key_word(w, (uintptr_t)n);
    key_state(w, &st);
    state memo;
    size_t mi;
    if (memo_begin(w, &fc->loops, st, &memo, &mi))
        return memo;
    int recording = w->recording;
    w->recording = 0;
    size_t threads_before = w->m->threads.n;
    jumps j = { BOTTOM, BOTTOM, 0 };
    CL_VEC_PUSH(&fc->jumps, j);
    size_t depth = fc->jumps.n - 1;
    fc->in_loop++;
    state head = st, exit_cond = BOTTOM, iterated = BOTTOM;
    for (int round = 0; round <= LOOP_ROUNDS; round++) {
        /* The last round (head stable, or out of rounds) records. */
        int last = round == LOOP_ROUNDS;
        if (last) {
            w->recording = recording;
            fc->jumps.v[depth].brk = BOTTOM;
            fc->jumps.v[depth].cont = BOTTOM;
        }
        state c = n->cond ? walk_node(w, fc, n->cond, head) : head;
        exit_cond = c;
        state body = n->nkids ? walk_node(w, fc, n->kids[0], c) : c;
        iterated = join(IN(w), body, fc->jumps.v[depth].cont);
        if (last)
            break;
        state next = join(IN(w), st, iterated);
        if (state_equal(&next, &head))
            round = LOOP_ROUNDS - 1; /* stable: one recording round */
        else
            head = next;
    }
    w->recording = recording;
    fc->in_loop--;
    /* A thread started in this loop and joined in the same iteration is
     * never live at the loop head: its instances run one after another. */
    for (size_t t = threads_before; t < w->m->threads.n; t++) {
        cl_thread *th = &w->m->threads.v[t];
        if (th->creator == w->thread && !w->thread_multi && !contains(head.live, head.nlive, t))
            th->multi = 0;
    }
    /* A counting loop (`for (i = 0; i < n; i++)`) is taken to run at least
     * once: that is what makes "join every element in a loop" order the
     * code after it. Other loops may exit before their first iteration. */
    state out;
    if (n->bound == CL_LOOP_INFINITE)
        out = BOTTOM;
    else if ((n->bound == CL_LOOP_CONST || n->bound == CL_LOOP_COUNTED) && !iterated.bottom)
        out = iterated;
    else if (n->test_call != NULL && !cl_test_holds(n->test_op, n->test_value, 0))
        out = trylock_acquired(w, fc, n, exit_cond); /* `while (trylock(&m) != 0)` */
    else
        out = exit_cond;
    out = join(IN(w), out, fc->jumps.v[depth].brk);
    fc->jumps.n = depth;
    memo_finish(w, &fc->loops, mi, out);
    return out;
}

static state walk_node(walk *w, fctx *fc, const cl_node *n, state st)
{
    if (n == NULL || st.bottom)
        return st;
    if (++w->steps > MAX_STEPS_PER_THREAD)
        return BOTTOM;
    switch (n->kind) {
    case CL_N_SEQ:
        return walk_seq(w, fc, n, st);
    case CL_N_EVENT:
        if (n->ev->kind == CL_EV_ACCESS) {
            record_access(w, fc, n->ev, st);
            return st;
        }
        if (n->ev->kind == CL_EV_CALL)
            return walk_call(w, fc, n->ev, st);
        return st;
    case CL_N_BRANCH: {
        state c = n->cond ? walk_node(w, fc, n->cond, st) : st;
        int success_kid = -1;
        if (n->test_call != NULL && n->nkids == 2)
            success_kid = cl_test_holds(n->test_op, n->test_value, 0) ? 0 : 1;
        state out = BOTTOM;
        for (size_t i = 0; i < n->nkids; i++) {
            state in = (int)i == success_kid ? trylock_acquired(w, fc, n, c) : c;
            out = join(IN(w), out, walk_node(w, fc, n->kids[i], in));
        }
        return out;
    }
    case CL_N_SWITCH: {
        state c = n->cond ? walk_node(w, fc, n->cond, st) : st;
        jumps j = { BOTTOM, BOTTOM, 1 };
        CL_VEC_PUSH(&fc->jumps, j);
        size_t depth = fc->jumps.n - 1;
        state out = BOTTOM;
        for (size_t i = 0; i < n->nkids; i++)
            out = join(IN(w), out, walk_node(w, fc, n->kids[i], c));
        out = join(IN(w), out, fc->jumps.v[depth].brk);
        fc->jumps.n = depth;
        return out;
    }
    case CL_N_LOOP:
        return walk_loop(w, fc, n, st);
    case CL_N_RETURN: {
        state c = n->cond ? walk_node(w, fc, n->cond, st) : st;
        fc->ret = join(IN(w), fc->ret, c);
        return BOTTOM;
    }
    case CL_N_BREAK:
        if (fc->jumps.n > 0) {
            jumps *j = &fc->jumps.v[fc->jumps.n - 1];
            j->brk = join(IN(w), j->brk, st);
        }
        return BOTTOM;
    case CL_N_CONTINUE:
        for (size_t i = fc->jumps.n; i-- > 0;) {
            if (!fc->jumps.v[i].is_switch) {
                fc->jumps.v[i].cont = join(IN(w), fc->jumps.v[i].cont, st);
                break;
            }
        }
        return BOTTOM;
    case CL_N_LABEL:
        return st;
    case CL_N_GOTO:
        /* The target label is not tracked: continue in sequence, which
         * walks the label's code with this path's state. */
        return st;
    }
    return st;
}

/* Walks one function body. Threads it joined on some path (itself or in
 * its callees) are appended to `joined` when that is not NULL. */
static state run_body(walk *w, const cl_frame *frame, const cl_function *fn,
                      const char **bind, const unsigned char *per_inst, size_t nbind,
                      int in_loop, state st, cl_idvec *joined)
{
    fctx fc;
    memset(&fc, 0, sizeof fc);
    fc.frame = frame;
    fc.bind = bind;
    fc.bind_per_inst = per_inst;
    fc.nbind = nbind;
    fc.in_loop = in_loop;
    fc.ret = BOTTOM;
    state out = join(IN(w), fc.ret, walk_node(w, &fc, fn->body, st));
    /* A function that joins a thread on some path (`stop()` with an early
     * error return before its pthread_join) is taken to have joined it:
     * the other paths are almost always the ones where there was nothing
     * to join. Precision over soundness, at function boundaries only. */
    for (size_t i = 0; i < fc.joined.n && !out.bottom; i++)
        out = remove_live(IN(w), out, fc.joined.v[i]);
    for (size_t i = 0; joined != NULL && i < fc.joined.n; i++)
        CL_VEC_PUSH(joined, fc.joined.v[i]);
    free(fc.joined.v);
    free(fc.jumps.v);
    memo_release(&fc.loops);
    return out;
}

static size_t frame_depth(const cl_frame *f)
{
    size_t d = 0;
    for (; f != NULL; f = f->parent)
        d++;
    return d;
}

static state call_function(walk *w, fctx *fc, size_t fidx, const cl_event *call, state st)
{
    cl_model *m = w->m;
    const cl_function *fn = m->funcs.v[fidx].fn;
    if (frame_depth(fc->frame) >= MAX_CALL_DEPTH)
        return st;
    const cl_call *c = &call->u.call;
    size_t nb = fn->nparams;
    /* The key holds the parameter bindings (words 2 + 2i and 3 + 2i); the
     * arrays run_body needs are made from it on a memo miss only. */
    w->kw.n = 0;
    key_word(w, fidx);
    key_word(w, fc->in_loop > 0);
    for (size_t i = 0; i < nb; i++) {
        int p = 0;
        const char *b = i < c->nargs ? intern_str(IN(w), binding(w, fc, &c->args[i], &p)) : NULL;
        key_word(w, (uintptr_t)b);
        key_word(w, (uintptr_t)p);
    }
    key_state(w, &st);
    size_t mi;
    state memo;
    if (memo_begin(w, &w->calls, st, &memo, &mi)) {
        /* (a recursive call assumes no effect) */
        if (mi < w->memo_joined.n)
            for (size_t i = 0; i < w->memo_joined.v[mi].n; i++)
                CL_VEC_PUSH(&fc->joined, w->memo_joined.v[mi].v[i]);
        return memo;
    }
    const char **bind = nb ? cl_arena_alloc(MA(w), nb * sizeof *bind) : NULL;
    unsigned char *pi = nb ? cl_arena_alloc(MA(w), nb) : NULL;
    for (size_t i = 0; i < nb; i++) {
        bind[i] = (const char *)w->kw.v[2 + 2 * i];
        pi[i] = (unsigned char)w->kw.v[3 + 2 * i];
    }
    cl_frame *fr = cl_arena_alloc(MA(w), sizeof *fr);
    fr->parent = fc->frame;
    fr->call = call;
    fr->func = fidx;
    cl_idvec joined = { NULL, 0, 0 };
    state out = run_body(w, fr, fn, bind, pi, nb, fc->in_loop > 0, st, &joined);
    memo_finish(w, &w->calls, mi, out);
    /* The caller, too, counts as having joined what its callee joined. */
    while (w->memo_joined.n <= mi) {
        cl_idvec none = { NULL, 0, 0 };
        CL_VEC_PUSH(&w->memo_joined, none);
    }
    free(w->memo_joined.v[mi].v);
    w->memo_joined.v[mi] = joined;
    for (size_t i = 0; i < joined.n; i++)
        CL_VEC_PUSH(&fc->joined, joined.v[i]);
    return out;
}

static void walk_thread(cl_model *m, size_t tid, extravec *extra)
{
    walk w;
    memset(&w, 0, sizeof w);
    w.m = m;
    w.thread = tid;
    w.thread_multi = m->threads.v[tid].multi;
    w.recording = 1;
    w.extra = extra;
    w.in.arena = &w.scratch;
    state empty = { 0, 0, NULL, 0, NULL, 0, NULL, 0 };
    const cl_thread *t = &m->threads.v[tid];
    if (t->entry != SIZE_MAX) {
        const cl_function *fn = m->funcs.v[t->entry].fn;
        const char **bind = NULL;
        unsigned char *pi = NULL;
        if (fn->nparams > 0) {
            bind = cl_arena_alloc(&m->arena, fn->nparams * sizeof *bind);
            pi = cl_arena_alloc(&m->arena, fn->nparams);
            bind[0] = t->arg_path;
            pi[0] = (unsigned char)t->arg_per_instance;
        }
        cl_frame *fr = cl_arena_alloc(&w.scratch, sizeof *fr);
        fr->func = t->entry;
        run_body(&w, fr, fn, bind, pi, fn->nparams, 0, empty, NULL);
    } else {
        /* Main thread of a program without main(): every root function. */
        for (size_t i = 0; i < m->funcs.n; i++) {
            const cl_mfunc *f = &m->funcs.v[i];
            if (f->ncallsites > 0 || f->thread_entry)
                continue;
            cl_frame *fr = cl_arena_alloc(&w.scratch, sizeof *fr);
            fr->func = i;
            run_body(&w, fr, f->fn, NULL, NULL, 0, 0, empty, NULL);
        }
    }
    memo_release(&w.calls);
    blob_release(&w.seen_acc);
    blob_release(&w.persisted_frames);
    free(w.kw.v);
    intern_release(&w.in);
    cl_arena_release(&w.scratch);
    cl_strmap_release(&w.spawns);
    for (size_t i = 0; i < w.memo_joined.n; i++)
        free(w.memo_joined.v[i].v);
    free(w.memo_joined.v);
    cl_strbuf_release(&w.key);
}

/* ---- building ------------------------------------------------------------ */

static void count_calls(cl_model *m, const cl_node *n)
{
    if (n == NULL)
        return;
    if (n->kind == CL_N_EVENT) {
        const cl_event *e = n->ev;
        size_t i;
        if (e->kind == CL_EV_CALL) {
            if (e->u.call.callee_usr && cl_strmap_get(&m->func_by_usr, e->u.call.callee_usr, &i))
                m->funcs.v[i].ncallsites++;
            for (size_t a = 0; a < e->u.call.nargs; a++)
                if (e->u.call.args[a].kind == CL_VAL_FUNC &&
                    cl_strmap_get(&m->func_by_usr, e->u.call.args[a].func_usr, &i))
                    m->funcs.v[i].addr_taken = 1;
        } else if (e->kind == CL_EV_FUNCREF) {
            if (cl_strmap_get(&m->func_by_usr, e->u.funcref.func_usr, &i)) {
                m->funcs.v[i].addr_taken = 1;
                if (e->u.funcref.path != NULL)
                    table_add(m, e->u.funcref.path, i); /* a local table */
            }
        }
        return;
    }
    count_calls(m, n->cond);
    for (size_t k = 0; k < n->nkids; k++)
        count_calls(m, n->kids[k]);
}

/* Marks the start routines of spawn calls that are reachable syntactically,
 * so that a library without main() does not treat them as roots. */
static void mark_entries(cl_model *m, const cl_node *n)
{
    if (n == NULL)
        return;
    if (n->kind == CL_N_EVENT) {
        const cl_callspec *cs = cl_model_callspec(m, n->ev);
        if (cs != NULL && cs->kind == CL_CK_SPAWN && cs->func >= 0 &&
            (size_t)cs->func < n->ev->u.call.nargs &&
            n->ev->u.call.args[cs->func].kind == CL_VAL_FUNC) {
            size_t i;
            if (cl_strmap_get(&m->func_by_usr, n->ev->u.call.args[cs->func].func_usr, &i))
                m->funcs.v[i].thread_entry = 1;
        }
        return;
    }
    mark_entries(m, n->cond);
    for (size_t k = 0; k < n->nkids; k++)
        mark_entries(m, n->kids[k]);
}

/* Copies `v` without the ids marked in `bad` into the arena. */
static const size_t *ids_without(cl_arena *a, const size_t *v, size_t n, const unsigned char *bad,
                                 size_t *nout)
{
    size_t *r = n ? cl_arena_alloc(a, n * sizeof *r) : NULL;
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (!bad[v[i]])
            r[k++] = v[i];
    *nout = k;
    return r;
}

/* A semaphore initialized to 1 is a lock only if every thread that posts
 * it also waits on it (wait ... post around a critical section). One that a
 * thread posts for another to wait on is a signal (a hand-off), not a lock:
 * it is taken out of every lockset again. */
static void drop_signal_semaphores(cl_model *m)
{
    size_t n = m->lock_names.n;
    unsigned char *bad = cl_xcalloc(n + 1, 1);
    int any = 0;
    for (size_t i = 0; i < m->sem_use.cap; i++) {
        const char *k = m->sem_use.keys[i];
        size_t id, tid;
        if (k == NULL || k[0] != 'p' || sscanf(k, "p|%zu|%zu", &id, &tid) != 2 || id >= n)
            continue;
        char want[64];
        snprintf(want, sizeof want, "w|%zu|%zu", id, tid);
        if (!cl_strmap_get(&m->sem_use, want, NULL))
            bad[id] = 1, any = 1;
    }
    for (size_t i = 0; any && i < m->accesses.n; i++) {
        cl_accrec *r = &m->accesses.v[i];
        r->may = ids_without(&m->arena, r->may, r->nmay, bad, &r->nmay);
        cl_lockref *locks = r->nlocks ? cl_arena_alloc(&m->arena, r->nlocks * sizeof *locks) : NULL;
        size_t k = 0;
        for (size_t q = 0; q < r->nlocks; q++)
            if (!bad[r->locks[q].lock])
                locks[k++] = r->locks[q];
        r->locks = locks;
        r->nlocks = k;
    }
    free(bad);
}

/* Sets written[k] for every path `paths` maps to k that an access in `n`
 * writes (exactly that path). */
static void mark_written(const cl_node *n, const cl_strmap *paths, unsigned char *written)
{
    if (n == NULL)
        return;
    if (n->kind == CL_N_EVENT) {
        const cl_event *e = n->ev;
        size_t k;
        if (e->kind == CL_EV_ACCESS && (e->u.access.flags & CL_ACC_WRITE) &&
            e->u.access.path != NULL && cl_strmap_get(paths, e->u.access.path, &k))
            written[k] = 1;
        return;
    }
    mark_written(n->cond, paths, written);
    for (size_t k = 0; k < n->nkids; k++)
        mark_written(n->kids[k], paths, written);
}

/* Global pointers initialized with a global's address (`*sp = &stats`)
 * that no function assigns: accesses through them are accesses to the
 * pointee. One walk over all bodies marks which candidates are assigned:
 * linear in the size of the program, whatever the number of candidates. */
static void find_pointer_aliases(cl_model *m, const cl_tu *const *tus, size_t ntus)
{
    typedef struct alias_cand {
        const char *key;      /* "G<usr>" of the pointer */
        const char *target;   /* its initializer's path */
    } alias_cand;
    struct { alias_cand *v; size_t n, cap; } cands = { NULL, 0, 0 }; /* in TU order */
    cl_strmap slot = { NULL, NULL, 0, 0 }; /* key -> index into written */
    for (size_t t = 0; t < ntus; t++) {
        const cl_tu *tu = tus[t];
        if (tu == NULL || !tu->parsed)
            continue;
        for (size_t i = 0; i < tu->nglobals; i++) {
            const cl_global *g = &tu->globals[i];
            if (g->init_path == NULL)
                continue;
            alias_cand c = { cl_arena_printf(&m->arena, "G%s", g->usr), g->init_path };
            CL_VEC_PUSH(&cands, c);
            if (!cl_strmap_get(&slot, c.key, NULL))
                cl_strmap_put(&slot, c.key, slot.n);
        }
    }
    if (cands.n > 0) {
        unsigned char *written = cl_xcalloc(slot.n, 1);
        for (size_t f = 0; f < m->funcs.n; f++)
            mark_written(m->funcs.v[f].fn->body, &slot, written);
        for (size_t i = 0; i < cands.n; i++) {
            size_t k = 0;
            cl_strmap_get(&slot, cands.v[i].key, &k);
            if (written[k] || cl_strmap_get(&m->pointer_alias, cands.v[i].key, NULL))
                continue; /* assigned somewhere, or an earlier declaration won */
            CL_VEC_PUSH(&m->alias_targets, cands.v[i].target);
            cl_strmap_put(&m->pointer_alias, cands.v[i].key, m->alias_targets.n - 1);
        }
        free(written);
    }
    free(cands.v);
    cl_strmap_release(&slot);
}

int cl_model_build(cl_model *m, const cl_tu *const *tus, size_t ntus, const cl_callspecs *specs)
{
    memset(m, 0, sizeof *m);
    m->specs = specs;
    m->tus = tus;
    m->ntus = ntus;
    m->main_func = SIZE_MAX;
    struct { size_t *v; size_t n, cap; } mains = { NULL, 0, 0 };
    for (size_t t = 0; t < ntus; t++) {
        const cl_tu *tu = tus[t];
        if (tu == NULL || !tu->parsed)
            continue;
        for (size_t i = 0; i < tu->nfuncs; i++) {
            const cl_function *fn = &tu->funcs[i];
            /* Every main() is its own program (a compile database often
             * holds several executables): key it by its file too. */
            int is_main = strcmp(fn->name, "main") == 0 && !(fn->flags & CL_FN_STATIC);
            const char *key = is_main ? cl_arena_printf(&m->arena, "%s@%s", fn->usr, tu->main_file)
                                      : fn->usr;
            if (cl_strmap_get(&m->func_by_usr, key, NULL))
                continue;
            cl_mfunc mf;
            memset(&mf, 0, sizeof mf);
            mf.fn = fn;
            mf.tu = tu;
            cl_strmap_put(&m->func_by_usr, key, m->funcs.n);
            CL_VEC_PUSH(&m->funcs, mf);
            if (is_main) {
                if (m->main_func == SIZE_MAX)
                    m->main_func = m->funcs.n - 1;
                CL_VEC_PUSH(&mains, m->funcs.n - 1);
            }
        }
        for (size_t i = 0; i < tu->nglobals; i++) {
            const cl_global *g = &tu->globals[i];
            const char *key = cl_arena_printf(&m->arena, "G%s", g->usr);
            size_t fl = 0;
            cl_strmap_get(&m->global_flags, key, &fl);
            cl_strmap_put(&m->global_flags, key, fl | g->flags);
        }
    }
    for (size_t i = 0; i < m->funcs.n; i++) {
        count_calls(m, m->funcs.v[i].fn->body);
        mark_entries(m, m->funcs.v[i].fn->body);
    }
    for (size_t t = 0; t < ntus; t++) {
        const cl_tu *tu = tus[t];
        if (tu == NULL || !tu->parsed)
            continue;
        for (size_t i = 0; i < tu->nfuncrefs; i++) {
            size_t k;
            if (!cl_strmap_get(&m->func_by_usr, tu->funcrefs[i].func_usr, &k))
                continue;
            m->funcs.v[k].addr_taken = 1;
            if (tu->funcrefs[i].path != NULL)
                table_add(m, tu->funcrefs[i].path, k);
        }
    }
    find_pointer_aliases(m, tus, ntus);
    /* One root thread per program: each main(), or for a library without
     * main() one thread running every uncalled function. */
    extravec extra = { NULL, 0, 0 };
    for (size_t i = 0; i < (mains.n ? mains.n : 1); i++) {
        cl_thread root;
        memset(&root, 0, sizeof root);
        root.id = m->threads.n;
        root.entry = mains.n ? mains.v[i] : SIZE_MAX;
        root.creator = SIZE_MAX;
        CL_VEC_PUSH(&m->threads, root);
        thread_extra none = { NULL, NULL, NULL };
        CL_VEC_PUSH(&extra, none);
    }
    free(mains.v);
    /* Threads are discovered while their creators are walked; walking in
     * id order visits each creator before its children. */
    struct { size_t *v; size_t n, cap; } first = { NULL, 0, 0 };
    for (size_t tid = 0; tid < m->threads.n; tid++) {
        CL_VEC_PUSH(&first, m->accesses.n);
        walk_thread(m, tid, &extra);
    }
    CL_VEC_PUSH(&first, m->accesses.n);
    m->acc_first = first.v;
    drop_signal_semaphores(m);
    free(extra.v);
    return 0;
}

void cl_model_release(cl_model *m)
{
    free(m->funcs.v);
    free(m->threads.v);
    free(m->lock_names.v);
    free(m->accesses.v);
    free(m->acc_first);
    free(m->calls.v);
    cl_strmap_release(&m->func_by_usr);
    cl_strmap_release(&m->lock_by_name);
    cl_strmap_release(&m->global_flags);
    for (size_t i = 0; i < m->tables.n; i++)
        free(m->tables.v[i].v);
    free(m->tables.v);
    cl_strmap_release(&m->table_by_global);
    cl_strmap_release(&m->pointer_alias);
    free(m->alias_targets.v);
    cl_strmap_release(&m->binary_sems);
    cl_strmap_release(&m->sem_use);
    cl_strmap_release(&m->lib_events);
    free(m->lib_access.v);
    cl_arena_release(&m->arena);
    memset(m, 0, sizeof *m);
}

/* ---- queries -------------------------------------------------------------- */

/* The ancestor-or-self of `t` whose creator is `anc`, or SIZE_MAX. */
static size_t child_toward(const cl_model *m, size_t anc, size_t t)
{
    while (t != SIZE_MAX && t < m->threads.n) {
        size_t c = m->threads.v[t].creator;
        if (c == anc)
            return t;
        t = c;
    }
    return SIZE_MAX;
}

static size_t root_of(const cl_model *m, size_t t)
{
    while (m->threads.v[t].creator != SIZE_MAX)
        t = m->threads.v[t].creator;
    return t;
}

int cl_model_may_parallel(const cl_model *m, const cl_accrec *ra, const cl_accrec *rb)
{
    size_t a = ra->thread, b = rb->thread;
    if (root_of(m, a) != root_of(m, b))
        return 0; /* different programs */
    if (a == b)
        return m->threads.v[a].multi && !ra->per_instance && !rb->per_instance;
    size_t b0 = child_toward(m, a, b);
    if (b0 != SIZE_MAX)
        return contains(ra->live, ra->nlive, b0);
    size_t a0 = child_toward(m, b, a);
    if (a0 != SIZE_MAX)
        return contains(rb->live, rb->nlive, a0);
    /* Siblings below a common ancestor: find it. */
    for (size_t c = m->threads.v[a].creator; c != SIZE_MAX; c = m->threads.v[c].creator) {
        size_t x = child_toward(m, c, a), y = child_toward(m, c, b);
        if (x != SIZE_MAX && y != SIZE_MAX) {
            const cl_thread *tx = &m->threads.v[x], *ty = &m->threads.v[y];
            return contains(tx->live_at_spawn, tx->nlive_at_spawn, y) ||
                   contains(ty->live_at_spawn, ty->nlive_at_spawn, x);
        }
    }
    return 1;
}

const char *cl_model_thread_name(const cl_model *m, size_t thread)
{
    const cl_thread *t = &m->threads.v[thread];
    cl_arena *a = (cl_arena *)&m->arena;
    if (t->spawn == NULL)
        return "main thread";
    return cl_arena_printf(a, "thread '%s' (started at %s:%u)", cl_model_entry_name(m, thread),
                           cl_base_name(t->spawn->loc.file), t->spawn->loc.line);
}

void cl_model_thread_accesses(const cl_model *m, size_t thread, size_t *begin, size_t *end)
{
    *begin = m->acc_first[thread];
    *end = m->acc_first[thread + 1];
}

const char *cl_model_frame_func(const cl_model *m, const cl_frame *frame)
{
    if (frame == NULL || frame->func >= m->funcs.n)
        return NULL;
    return m->funcs.v[frame->func].fn->name;
}

const char *cl_model_path_display(const cl_model *m, const char *path)
{
    cl_arena *a = (cl_arena *)&m->arena;
    if (path == NULL)
        return "?";
    const char *p = path;
    if (p[0] == 'T') {
        const char *colon = strchr(p, ':');
        if (colon != NULL)
            p = colon + 1;
    }
    const char *name, *rest;
    if (p[0] == 'L') {
        const char *hash = strchr(p, '#');
        name = hash ? hash + 1 : p + 1;
        const char *at = strchr(name, '@');
        rest = at ? at : name + strlen(name);
        while (*rest == '@' || (*rest >= '0' && *rest <= '9'))
            rest++;
        size_t nlen = (size_t)((at ? at : rest) - name);
        cl_strbuf b = { NULL, 0, 0 };
        cl_strbuf_addn(&b, name, nlen);
        name = cl_arena_strdup(a, cl_strbuf_str(&b));
        cl_strbuf_release(&b);
    } else {
        const char *at = strrchr(p, '@');
        const char *start = at ? at + 1 : p + 1;
        rest = start + strcspn(start, ".[-");
        name = cl_arena_strndup(a, start, (size_t)(rest - start));
    }
    cl_strbuf b = { NULL, 0, 0 };
    cl_strbuf_add(&b, name);
    cl_path_add_suffix(&b, rest);
    const char *r = cl_arena_strdup(a, cl_strbuf_str(&b));
    cl_strbuf_release(&b);
    return r;
}

const char *cl_model_entry_name(const cl_model *m, size_t thread)
{
    const cl_thread *t = &m->threads.v[thread];
    return t->entry != SIZE_MAX ? m->funcs.v[t->entry].fn->name : "main";
}

size_t cl_frame_ncalls(const cl_frame *frame)
{
    size_t n = 0;
    for (const cl_frame *f = frame; f != NULL && f->call != NULL; f = f->parent)
        n++;
    return n;
}

void cl_path_add_suffix(cl_strbuf *b, const char *rest)
{
    for (const char *q = rest; *q;) {
        if (strncmp(q, "->.", 3) == 0) {
            cl_strbuf_add(b, "->");
            q += 3;
        } else if (strncmp(q, "->", 2) == 0 && q[2] == '\0') {
            q += 2;
        } else {
            cl_strbuf_addn(b, q, 1);
            q++;
        }
    }
}

int cl_loc_cmp(const cl_loc *a, const cl_loc *b)
{
    int c = strcmp(a->file ? a->file : "", b->file ? b->file : "");
    if (c != 0)
        return c;
    if (a->line != b->line)
        return a->line < b->line ? -1 : 1;
    if (a->col != b->col)
        return a->col < b->col ? -1 : 1;
    return 0;
}

size_t cl_path_root_len(const char *path)
{
    if (path == NULL || path[0] != 'G')
        return 0;
    const char *arrow = strstr(path, "->");
    const char *at = NULL;
    for (const char *q = path; *q && (arrow == NULL || q < arrow); q++)
        if (*q == '@')
            at = q;
    size_t start = (size_t)((at ? at : path) - path) + 1;
    return start + strcspn(path + start, ".[-");
}
