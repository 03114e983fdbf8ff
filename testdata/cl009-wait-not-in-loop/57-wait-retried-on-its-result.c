/* CL009: the loop around the wait retries it on its own result, never on
 * the predicate: `while (pthread_cond_wait(..) != 0);` returns on the
 * first wakeup, spurious or stolen, and a signal sent before the wait
 * began is lost for good. The second consumer retries on EINTR the same
 * way, in a do-while.
 */
// class: no-predicate
#include <errno.h>
#include <pthread.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t ready_cv = PTHREAD_COND_INITIALIZER;
static int ready;
static int taken;

static void *consumer(void *arg)
{
    pthread_mutex_lock(&m);
    while (pthread_cond_wait(&ready_cv, &m) != 0) // expect: CL009
        ;
    taken++;
    pthread_mutex_unlock(&m);
    return arg;
}

static void *second(void *arg)
{
    int rc;
    pthread_mutex_lock(&m);
    do
        rc = pthread_cond_wait(&ready_cv, &m); // expect: CL009
    while (rc == EINTR);
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
