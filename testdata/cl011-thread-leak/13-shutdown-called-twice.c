/* CL011 positive: the shutdown function joins the flusher; the error path
 * of the reload calls it, and the caller calls it again on its way out. */
#include <pthread.h>
#include <stdatomic.h>

struct cache {
    pthread_t flusher;
    atomic_int quit;
};

static void *flush_main(void *arg)
{
    struct cache *c = arg;
    while (!atomic_load(&c->quit))
        ;
    return NULL;
}

static void cache_shutdown(struct cache *c)
{
    atomic_store(&c->quit, 1);
    pthread_join(c->flusher, NULL); // expect: CL011 {{'flush_main' is joined twice}}
}

int cache_reload(struct cache *c, int bad);
int cache_reload(struct cache *c, int bad)
{
    if (bad) {
        cache_shutdown(c);
        return -1;
    }
    return 0;
}

int cache_serve(struct cache *c, int bad);
int cache_serve(struct cache *c, int bad)
{
    atomic_store(&c->quit, 0);
    if (pthread_create(&c->flusher, NULL, flush_main, c) != 0)
        return -1;
    int rc = cache_reload(c, bad);
    cache_shutdown(c);
    return rc;
}
