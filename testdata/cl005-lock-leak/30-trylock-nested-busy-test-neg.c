/* CL005 negative (a statistics flush that gives up when contended): the
 * failure of the trylock is tested first (`rc != 0`), and inside that
 * branch EBUSY is told apart from a real error. The `rc == EBUSY` test's
 * else side is still the failure path: no lock is held at either return.
 */
// class: trylock-result
// expect-none
#include <errno.h>
#include <pthread.h>

static pthread_mutex_t stats_lock = PTHREAD_MUTEX_INITIALIZER;
static long flushed, skipped, errors;

static int stats_flush(long n)
{
    int rc;
    if ((rc = pthread_mutex_trylock(&stats_lock)) != 0) {
        if (rc == EBUSY) {
            __atomic_add_fetch(&skipped, 1, __ATOMIC_RELAXED);
            return 0;
        }
        __atomic_add_fetch(&errors, 1, __ATOMIC_RELAXED);
        return -1;
    }
    flushed += n;
    pthread_mutex_unlock(&stats_lock);
    return 1;
}

static void *worker(void *arg)
{
    stats_flush(1);
    return arg;
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, NULL, worker, NULL);
    pthread_create(&b, NULL, worker, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    return 0;
}
