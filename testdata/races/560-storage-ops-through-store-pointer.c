/* Pattern: a key-value server keeps its storage engine behind an
 * operations table (`struct storage_ops`, one per engine); the store the
 * server holds points to the engine's table, set by store_open(). Worker
 * threads insert through srv.store->ops->put().
 * Verdict: racy. mem_put() bumps the store's key count and size with no
 * lock, from every worker.
 */
// class: function-pointers
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

struct store;
struct storage_ops {
    int (*put)(struct store *, const char *key, size_t len);
    int (*del)(struct store *, const char *key);
};
struct store {
    const struct storage_ops *ops;
    unsigned long nkeys;
    size_t bytes;
};

static int mem_put(struct store *s, const char *key, size_t len)
{
    (void)key;
    s->nkeys++; // expect: CL002
    s->bytes += len;
    return 0;
}

static int mem_del(struct store *s, const char *key)
{
    (void)s;
    (void)key;
    return 0;
}

static const struct storage_ops mem_ops = { .put = mem_put, .del = mem_del };

static struct server {
    struct store *store;
    int port;
} srv;

static struct store *store_open(void)
{
    struct store *s = calloc(1, sizeof *s);
    if (s != NULL)
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
