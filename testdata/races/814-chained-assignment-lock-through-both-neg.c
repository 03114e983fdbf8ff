/* A context set up with a chained assignment (`ctx = g_ctx = &state`, as
 * multipathd's `vecs = gvecs = init_vecs()`): main hands its local to
 * the worker as the thread's argument, and keeps using it; both take the
 * context's mutex around the counter. The local holds the object the
 * assignment stored, so the lock is common.
 */
// expect-none
#include <pthread.h>

struct state {
    pthread_mutex_t lock;
    int verbose;
};

static long requests; /* guarded by the state's lock */

static struct state *g_ctx;

static void *worker(void *arg)
{
    struct state *c = arg;
    for (int i = 0; i < 100; i++) {
        pthread_mutex_lock(&c->lock);
        requests++;
        pthread_mutex_unlock(&c->lock);
    }
    return NULL;
}

int main(void)
{
    static struct state state = { PTHREAD_MUTEX_INITIALIZER, 0 };
    struct state *ctx;
    pthread_t t;
    ctx = g_ctx = &state;
    if (pthread_create(&t, NULL, worker, ctx) != 0)
        return 1;
    pthread_mutex_lock(&ctx->lock);
    requests = 0;
    pthread_mutex_unlock(&ctx->lock);
    pthread_join(t, NULL);
    return g_ctx->verbose;
}
