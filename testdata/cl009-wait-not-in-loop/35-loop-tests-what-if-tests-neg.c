/* CL009 negative: the loop's own test reads the queue count that the
 * `if` inside tests, so every wakeup goes back to a test of the count
 * before the loop is left; the `if` only picks which condition variable
 * to wait on (paused or empty). */
// expect-none
#include <pthread.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t resumed = PTHREAD_COND_INITIALIZER;
static pthread_cond_t nonempty = PTHREAD_COND_INITIALIZER;
static int count, paused;
static long taken;

static void *consumer(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&mu);
    while (count == 0 || paused) {
        if (paused)
            pthread_cond_wait(&resumed, &mu);
        else
            pthread_cond_wait(&nonempty, &mu);
    }
    count--;
    taken++;
    pthread_mutex_unlock(&mu);
    return NULL;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, consumer, NULL);
    pthread_mutex_lock(&mu);
    count = 1;
    pthread_cond_signal(&nonempty);
    pthread_mutex_unlock(&mu);
    pthread_join(t, NULL);
    return 0;
}
