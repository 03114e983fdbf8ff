/* CL007 negative (a logger's fast path): when the trylock fails the
 * contention is counted and the code falls back to the blocking lock, so
 * the unlock after it always holds the mutex.
 */
// class: trylock-failed-path
// expect-none
#include <pthread.h>

static pthread_mutex_t log_mu = PTHREAD_MUTEX_INITIALIZER;
static long contended, lines;

static void log_line(void)
{
    if (pthread_mutex_trylock(&log_mu) != 0) {
        __atomic_add_fetch(&contended, 1, __ATOMIC_RELAXED);
        pthread_mutex_lock(&log_mu);
    }
    lines++;
    pthread_mutex_unlock(&log_mu);
}

static void *logger(void *arg)
{
    log_line();
    return arg;
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, NULL, logger, NULL);
    pthread_create(&b, NULL, logger, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    return 0;
}
