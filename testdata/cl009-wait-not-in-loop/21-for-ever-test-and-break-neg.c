/* CL009 negative: an endless loop that re-tests the predicate and breaks
 * before each wait (the style of many event libraries). */
// expect-none
#include <pthread.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static int pending;

static void *consumer(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&m);
    for (;;) {
        if (pending > 0)
            break;
        pthread_cond_wait(&cv, &m);
    }
    pending--;
    pthread_mutex_unlock(&m);
    return NULL;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, consumer, NULL);
    pthread_mutex_lock(&m);
    pending++;
    pthread_cond_signal(&cv);
    pthread_mutex_unlock(&m);
    pthread_join(t, NULL);
    return 0;
}
