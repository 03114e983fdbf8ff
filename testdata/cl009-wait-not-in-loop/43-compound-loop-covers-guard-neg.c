/* CL009 negative: the loop tests both the count and the stop flag, and the
 * `if` inside tests the same two together, only to decide whether to
 * count an idle round; the wait goes back to the loop's test. */
// expect-none
#include <pthread.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t more = PTHREAD_COND_INITIALIZER;
static int count, stop;
static long idle_rounds;

static void *consumer(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&mu);
    while (count == 0 && !stop) {
        if (count == 0 && !stop)
            pthread_cond_wait(&more, &mu);
        idle_rounds += count == 0;
    }
    if (count > 0)
        count--;
    pthread_mutex_unlock(&mu);
    return NULL;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, consumer, NULL);
    pthread_mutex_lock(&mu);
    stop = 1;
    pthread_cond_signal(&more);
    pthread_mutex_unlock(&mu);
    pthread_join(t, NULL);
    return 0;
}
