/* CL009 negative: a predicate loop that picks a timed or a plain wait
 * with an `if` (nothing but the loop's test follows the wait). */
// expect-none
#include <pthread.h>
#include <time.h>

struct waiter { pthread_mutex_t m; pthread_cond_t cv; int done; int timeout_ms; };

static void *wait_done(void *arg)
{
    struct waiter *w = arg;
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    ts.tv_sec += w->timeout_ms / 1000;
    pthread_mutex_lock(&w->m);
    while (!w->done) {
        if (w->timeout_ms > 0) {
            if (pthread_cond_timedwait(&w->cv, &w->m, &ts) != 0)
                break;
        } else {
            pthread_cond_wait(&w->cv, &w->m);
        }
    }
    pthread_mutex_unlock(&w->m);
    return NULL;
}

int main(void)
{
    static struct waiter w = { PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, 0, 500 };
    pthread_t t;
    pthread_create(&t, NULL, wait_done, &w);
    pthread_mutex_lock(&w.m);
    w.done = 1;
    pthread_cond_signal(&w.cv);
    pthread_mutex_unlock(&w.m);
    pthread_join(t, NULL);
    return 0;
}
