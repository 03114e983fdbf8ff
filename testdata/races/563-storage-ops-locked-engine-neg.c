/* Pattern: a key-value server's workers insert through the storage
 * engine's operations table (srv.store->ops->put()), and the engine takes
 * the store's own mutex around its counters.
 * Verdict: race-free. Every write to the store's counters is under
 * s->lock.
 */
// class: function-pointers
// expect-none
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

struct store;
struct storage_ops {
    int (*put)(struct store *, const char *key, size_t len);
};
struct store {
    const struct storage_ops *ops;
    pthread_mutex_t lock;
    unsigned long nkeys;
    size_t bytes;
};

static int mem_put(struct store *s, const char *key, size_t len)
{
    (void)key;
    pthread_mutex_lock(&s->lock);
    s->nkeys++;
    s->bytes += len;
    pthread_mutex_unlock(&s->lock);
    return 0;
}

static const struct storage_ops mem_ops = { .put = mem_put };

static struct server {
    struct store *store;
} srv;

static struct store *store_open(void)
{
    struct store *s = calloc(1, sizeof *s);
    if (s == NULL)
        return NULL;
    pthread_mutex_init(&s->lock, NULL);
    s->ops = &mem_ops;
    return s;
}

static void *worker(void *arg)
{
    const char *key = arg;
    for (int i = 0; i < 64; i++)
        srv.store->ops->put(srv.store, key, strlen(key));
    return NULL;
}

int main(void)
{
    pthread_t t[2];
    srv.store = store_open();
    if (srv.store == NULL)
        return 1;
    pthread_create(&t[0], NULL, worker, "alpha");
    pthread_create(&t[1], NULL, worker, "beta");
    pthread_join(t[0], NULL);
    pthread_join(t[1], NULL);
    return (int)srv.store->nkeys;
}
