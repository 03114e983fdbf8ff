/* CL002 positive: a cache worker (the shape of memcached's and redis's
 * command dispatch) takes operations off its socket and dispatches on the
 * opcode with a switch; the PUT case goes through cache_put() into
 * account(), which adjusts the global byte count without a lock, while the
 * DEL case takes cache_lock. The admin thread reads the count under
 * cache_lock. The racing write is two calls below one case of the switch.
 */
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

enum { OP_PUT = 1, OP_DEL = 2 };

struct op {
    int kind;
    long size;
};

static pthread_mutex_t cache_lock = PTHREAD_MUTEX_INITIALIZER;
static long cache_bytes;

static void account(long delta)
{
    cache_bytes += delta; // expect: CL002 {{write to 'cache_bytes' in 'account' races with read in 'admin_main'}}
}

static void cache_put(const struct op *o)
{
    account(o->size);
}

static void cache_del(const struct op *o)
{
    pthread_mutex_lock(&cache_lock);
    cache_bytes -= o->size;
    pthread_mutex_unlock(&cache_lock);
}

static void *cache_worker(void *arg)
{
    int fd = *(const int *)arg;
    struct op o;
    while (read(fd, &o, sizeof o) == (ssize_t)sizeof o) {
        switch (o.kind) {
        case OP_PUT:
            cache_put(&o);
            break;
        case OP_DEL:
            cache_del(&o);
            break;
        default:
            break;
        }
    }
    return NULL;
}

static void *admin_main(void *arg)
{
    (void)arg;
    for (;;) {
        pthread_mutex_lock(&cache_lock);
        printf("cache %ld bytes\n", cache_bytes); // expect-related: CL002 {{conflicting read of 'cache_bytes' in 'admin_main'}}
        pthread_mutex_unlock(&cache_lock);
        sleep(5);
    }
    return NULL;
}

int main(void)
{
    static int fd = 0;
    pthread_t w, a;
    pthread_create(&w, NULL, cache_worker, &fd);
    pthread_create(&a, NULL, admin_main, NULL);
    pthread_join(w, NULL);
    return 0;
}
