/* CL002 positive (spawn wrapper, depth 2): spawn_detached() hands its
 * function-pointer parameter to spawn_with_attr(), which passes it on to
 * pthread_create. Three different functions go through the same two
 * wrappers; each call must start the function it names, not any function
 * that ever went through them. The collector adds to `stats.total` without
 * `stats.lock` while the reporter reads it under the lock; the janitor
 * touches only its own counter. Nothing races unless both levels of the
 * wrapper are resolved per call.
 */
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

typedef void *(*start_fn)(void *);

static struct {
    pthread_mutex_t lock;
    unsigned long total;      /* meant to be guarded by lock */
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
        stats.total += n; // expect: CL002 {{races with read in 'reporter_main'}}
        // expect-flow@-1: CL002 {{thread 'collector_main'}}, CL002 {{thread 'reporter_main'}}
    }
    return NULL;
}

static void *reporter_main(void *arg)
{
    (void)arg;
    for (;;) {
        pthread_mutex_lock(&stats.lock);
        unsigned long t = stats.total; // expect-related: CL002 {{conflicting read of 'stats.total'}}
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
