/* CL009 positive: the loop re-tests the stop flag, and the `if` before
 * the wait tests the stop flag and the count together: after a wakeup
 * with the count still zero, the consumer takes a slot anyway. */
#include <pthread.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t more = PTHREAD_COND_INITIALIZER;
static int count, stop, slots[8];
static long total;

static void *consumer(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&mu);
    while (!stop) {
        if (count == 0 && !stop)
            pthread_cond_wait(&more, &mu); // expect: CL009 {{an 'if' tests it only once}}
        count--;
        total += slots[count];
    }
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
