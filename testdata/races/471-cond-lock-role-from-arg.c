/* Pattern: conditional locking on the thread's role, taken from its start
 * argument: the writer thread locks around the statistics update, the
 * reader threads were assumed "read-mostly" and skip the lock, but they
 * update the same counter.
 * Verdict: racy. A reader's `stats.total += n` runs with no lock while the
 * writer's runs under stats_lock.
 */
// class: conditional-locking
#include <pthread.h>
#include <stdint.h>

struct stats { long total; long calls; };
static struct stats stats;
static pthread_mutex_t stats_lock = PTHREAD_MUTEX_INITIALIZER;

static void *worker(void *arg)
{
    int writer = (intptr_t)arg == 0;
    for (long n = 1; n < 1000; n++) {
        if (writer)
            pthread_mutex_lock(&stats_lock);
        stats.total += n; // expect: CL002
        if (writer)
            pthread_mutex_unlock(&stats_lock);
    }
    return NULL;
}

int main(void)
{
    pthread_t t[3];
    for (intptr_t i = 0; i < 3; i++)
        pthread_create(&t[i], NULL, worker, (void *)i);
    for (int i = 0; i < 3; i++)
        pthread_join(t[i], NULL);
    return (int)(stats.total & 1);
}
