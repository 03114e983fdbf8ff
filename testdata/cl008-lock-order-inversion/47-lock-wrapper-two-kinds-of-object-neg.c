/* CL008 negative: every lock goes through one wrapper, `lk_lock(struct lk
 * *)`, that takes `&l->m`. The flusher nests the registry's guard (a
 * `struct lk *` member) -> the stats lock, the worker the stats lock ->
 * a session's lock, taken by touch_session for a session from a library
 * lookup that the walk cannot name. No lock is taken in both orders.
 * Named only by the wrapper's own member (`?.m`), the session's lock
 * could be any lock the wrapper takes, the guard too, and the two
 * nestings made a cycle; named by what its callers add (`&s->lock`:
 * `?.lock.m`) it is a session lock (icecast's thread_rwlock_wlock_c). */
// expect-none
#include <pthread.h>
#include <stdlib.h>

struct lk { pthread_mutex_t m; };
struct session { struct lk lock; int hits; };
struct registry { struct lk *guard; int flushes; };

extern struct session *session_lookup(int id);

static struct registry reg;
static struct lk stats_lock = { PTHREAD_MUTEX_INITIALIZER };
static long requests;

static void lk_lock(struct lk *l)
{
    pthread_mutex_lock(&l->m);
}

static void lk_unlock(struct lk *l)
{
    pthread_mutex_unlock(&l->m);
}

static void touch_session(struct session *s)
{
    lk_lock(&s->lock);
    s->hits++;
    lk_unlock(&s->lock);
}

static void *worker(void *arg)
{
    struct session *s = session_lookup((int)(long)arg);
    lk_lock(&stats_lock);
    requests++;
    touch_session(s);
    lk_unlock(&stats_lock);
    return NULL;
}

static void *flusher(void *arg)
{
    (void)arg;
    lk_lock(reg.guard);
    reg.flushes++;
    lk_lock(&stats_lock);
    requests = 0;
    lk_unlock(&stats_lock);
    lk_unlock(reg.guard);
    return NULL;
}

int main(void)
{
    pthread_t a, b;
    reg.guard = calloc(1, sizeof *reg.guard);
    if (reg.guard == NULL)
        return 1;
    pthread_mutex_init(&reg.guard->m, NULL);
    pthread_create(&a, NULL, worker, (void *)1L);
    pthread_create(&b, NULL, flusher, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    return 0;
}
