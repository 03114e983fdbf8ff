/* CL010 negative: a gate built from a mutex, a condition variable and a
 * count of free slots (one slot: a lock) protects the cache; the
 * session code acquires it two calls deep while it holds its session
 * mutex. Every thread that releases the gate acquired it first, so its
 * wait is the acquisition of a lock (nesting), not a wait for a signal. */
#include <pthread.h>
#include <stdlib.h>

struct gate {
    pthread_mutex_t mu;
    pthread_cond_t freed;
    unsigned avail;
};

struct session {
    pthread_mutex_t lock;
    int id;
    int hits;
};

static struct gate cache_gate = { PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, 1 };
static int cache[128];

static void gate_enter(struct gate *g)
{
    pthread_mutex_lock(&g->mu);
    while (g->avail == 0)
        pthread_cond_wait(&g->freed, &g->mu);
    g->avail -= 1;
    pthread_mutex_unlock(&g->mu);
}

static void gate_leave(struct gate *g)
{
    pthread_mutex_lock(&g->mu);
    g->avail += 1;
    pthread_cond_signal(&g->freed);
    pthread_mutex_unlock(&g->mu);
}

static int cache_get(int k)
{
    gate_enter(&cache_gate);
    int v = cache[k & 127];
    gate_leave(&cache_gate);
    return v;
}

static void *session_main(void *arg)
{
    struct session *s = arg;
    pthread_mutex_lock(&s->lock);
    s->hits += cache_get(s->id); // expect-none
    pthread_mutex_unlock(&s->lock);
    return NULL;
}

static void *refresher(void *arg)
{
    (void)arg;
    for (int i = 0; i < 128; i++) {
        gate_enter(&cache_gate);
        cache[i] = i * 2;
        gate_leave(&cache_gate);
    }
    return NULL;
}

int main(void)
{
    struct session *s = calloc(1, sizeof *s);
    pthread_t a, b;
    if (s == NULL)
        return 1;
    pthread_mutex_init(&s->lock, NULL);
    pthread_create(&a, NULL, session_main, s);
    pthread_create(&b, NULL, refresher, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    free(s);
    return 0;
}
