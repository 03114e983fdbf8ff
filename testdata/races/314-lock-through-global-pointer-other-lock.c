/* Pattern: the worker locks through a global mutex pointer set up at
 * start (`active_lock = &log_lock`), main locks a different mutex by
 * name around its update of the same counter.
 * Verdict: racy. The pointer designates log_lock, main holds stat_lock:
 * no common lock protects `entries`.
 */
#include <pthread.h>
#include <stdio.h>

// class: lock-pointers

static pthread_mutex_t log_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t stat_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t *active_lock = &log_lock;
static int entries;

static void *writer(void *arg)
{
    pthread_mutex_lock(active_lock);
    entries++; // expect: CL002
    pthread_mutex_unlock(active_lock);
    return arg;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, writer, NULL);
    pthread_mutex_lock(&stat_lock);
    entries = 0;
    pthread_mutex_unlock(&stat_lock);
    pthread_join(t, NULL);
    printf("%d\n", entries);
    return 0;
}
