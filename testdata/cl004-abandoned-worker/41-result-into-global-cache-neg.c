/* CL004 negative: the resolver worker hands its answer back through a
 * global cache under the cache's own lock, not through the caller's frame
 * or a rendezvous, and nothing it does blocks once the caller is gone. The
 * caller waits with pthread_cond_timedwait on a global condition variable
 * and, on timeout, detaches the worker before it returns: the next lookup
 * finds the answer in the cache.
 */
// expect-none
#include <errno.h>
#include <pthread.h>
#include <string.h>
#include <time.h>

static pthread_mutex_t cache_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cache_cv = PTHREAD_COND_INITIALIZER;
static char cache_name[256];
static long cache_addr;

long dns_query(const char *name);        /* dns.c: may take seconds */

static void *resolve_main(void *arg)
{
    const char *name = arg;
    long a = dns_query(name);
    pthread_mutex_lock(&cache_lock);
    strncpy(cache_name, name, sizeof cache_name - 1);
    cache_addr = a;
    pthread_cond_broadcast(&cache_cv);
    pthread_mutex_unlock(&cache_lock);
    return NULL;
}

long resolve_cached(const char *name, const struct timespec *deadline)
{
    static const char *pending;
    pthread_t tid;
    pending = name;
    if (pthread_create(&tid, NULL, resolve_main, (void *)pending) != 0)
        return -1;
    long a = -1;
    pthread_mutex_lock(&cache_lock);
    while (strcmp(cache_name, name) != 0) {
        if (pthread_cond_timedwait(&cache_cv, &cache_lock, deadline) == ETIMEDOUT)
            break;
    }
    if (strcmp(cache_name, name) == 0)
        a = cache_addr;
    pthread_mutex_unlock(&cache_lock);
    if (a < 0) {
        pthread_detach(tid);
        return -1;
    }
    pthread_join(tid, NULL);
    return a;
}

int main(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    ts.tv_sec += 3;
    return resolve_cached("example.org", &ts) < 0;
}
