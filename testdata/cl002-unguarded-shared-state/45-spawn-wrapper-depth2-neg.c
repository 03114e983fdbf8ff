/* CL002 negative (spawn wrapper, depth 2; twin of case 13): the same three
 * threads started through spawn_detached() -> spawn_with_attr() ->
 * pthread_create, but the collector adds to `stats.total` under
 * `stats.lock`. The janitor's counter is written by the janitor only (one
 * instance): if the wrappers were resolved to every function that goes
 * through them rather than to the one each call names, it would seem to
 * run in three threads and race.
 */
// expect-none
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

typedef void *(*start_fn)(void *);

static struct {
    pthread_mutex_t lock;
    unsigned long total;      /* guarded by lock */
} stats = { PTHREAD_MUTEX_INITIALIZER, 0 };

static unsigned long sweeps;  /* the janitor's own */

static int spawn_with_attr(const pthread_attr_t *attr, start_fn fn, void *arg)
{
    pthread_t tid;
    return pthread_create(&tid, attr, fn, arg);
}

static int spawn_detached(start_fn fn, void *arg)
{
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    int rc = spawn_with_attr(&attr, fn, arg);
    pthread_attr_destroy(&attr);
    return rc;
}

static void *collector_main(void *arg)
{
    (void)arg;
    for (;;) {
        unsigned long n = (unsigned long)read(0, NULL, 0) + 1;
        pthread_mutex_lock(&stats.lock);
        stats.total += n;
        pthread_mutex_unlock(&stats.lock);
    }
    return NULL;
}

static void *reporter_main(void *arg)
{
    (void)arg;
    for (;;) {
        pthread_mutex_lock(&stats.lock);
        unsigned long t = stats.total;
        pthread_mutex_unlock(&stats.lock);
        printf("total %lu\n", t);
    }
    return NULL;
}

static void *janitor_main(void *arg)
{
    (void)arg;
    for (;;)
        sweeps++;
    return NULL;
}

int main(void)
{
    if (spawn_detached(collector_main, NULL) != 0 || spawn_detached(reporter_main, NULL) != 0 ||
        spawn_detached(janitor_main, NULL) != 0)
        return 1;
    pthread_exit(NULL);
}
