/* The race-full twin of 814: the context is set up the same way
 * (`ctx = g_ctx = &state`), but main resets the counter through its
 * local without the mutex the worker takes.
 */
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
    requests = 0; // expect: CL002
    pthread_join(t, NULL);
    return g_ctx->verbose;
}
