/* CL009 negative, the twin of 57: the loops retry the wait on its result
 * and also re-test the predicate (`ready`), so a spurious or stolen wakeup
 * waits again.
 */
// class: no-predicate
// expect-none
#include <errno.h>
#include <pthread.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t ready_cv = PTHREAD_COND_INITIALIZER;
static int ready;
static int taken;

static void *consumer(void *arg)
{
    pthread_mutex_lock(&m);
    while (pthread_cond_wait(&ready_cv, &m) != 0 || !ready)
        ;
    taken++;
    pthread_mutex_unlock(&m);
    return arg;
}

static void *second(void *arg)
{
    int rc = 0;
    pthread_mutex_lock(&m);
    do
        if (!ready)
            rc = pthread_cond_wait(&ready_cv, &m);
    while (rc == EINTR || !ready);
    taken++;
    pthread_mutex_unlock(&m);
    return arg;
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, NULL, consumer, NULL);
    pthread_create(&b, NULL, second, NULL);
    pthread_mutex_lock(&m);
    ready = 1;
    pthread_cond_broadcast(&ready_cv);
    pthread_mutex_unlock(&m);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    return taken;
}
