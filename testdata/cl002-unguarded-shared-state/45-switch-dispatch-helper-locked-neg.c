/* CL002 negative: the cache worker's opcode switch (memcached's and
 * redis's command dispatch) with cache_lock taken around the whole switch,
 * so the PUT case's write two calls down in account() and the DEL case's
 * write both hold it; the main thread trims the count under the same
 * lock. The lock
 * held across the switch and the helper calls protects every case.
 */
// expect-none
#include <pthread.h>
#include <unistd.h>

enum { OP_PUT = 1, OP_DEL = 2 };
#define CACHE_LIMIT (64L << 20)

struct op {
    int kind;
    long size;
};

static pthread_mutex_t cache_lock = PTHREAD_MUTEX_INITIALIZER;
static long cache_bytes; /* guarded by cache_lock */

static void account(long delta)
{
    cache_bytes += delta;
}

static void cache_put(const struct op *o)
{
    account(o->size);
}

static void *cache_worker(void *arg)
{
    int fd = *(const int *)arg;
    struct op o;
    while (read(fd, &o, sizeof o) == (ssize_t)sizeof o) {
        pthread_mutex_lock(&cache_lock);
        switch (o.kind) {
        case OP_PUT:
            cache_put(&o);
            break;
        case OP_DEL:
            cache_bytes -= o.size;
            break;
        default:
            break;
        }
        pthread_mutex_unlock(&cache_lock);
    }
    return NULL;
}

/* The main thread trims the cache when it grows past its limit. */
int main(void)
{
    static int fd = 0;
    pthread_t w;
    if (pthread_create(&w, NULL, cache_worker, &fd) != 0)
        return 1;
    for (unsigned round = 0; round < 100; round++) {
        usleep(200000);
        pthread_mutex_lock(&cache_lock);
        if (cache_bytes > CACHE_LIMIT)
            cache_bytes = CACHE_LIMIT / 2;
        pthread_mutex_unlock(&cache_lock);
    }
    pthread_join(w, NULL);
    return 0;
}
