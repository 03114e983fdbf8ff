/* CL010 negative: a condition wait holding only its own mutex releases it
 * while it waits; a timed wait the same. */
// expect-none
#include <pthread.h>
#include <time.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static int items;

static void *consumer(void *arg)
{
    struct timespec ts;
    (void)arg;
    clock_gettime(CLOCK_REALTIME, &ts);
    ts.tv_sec += 1;
    pthread_mutex_lock(&m);
    while (items == 0)
        if (pthread_cond_timedwait(&cv, &m, &ts) != 0)
            break;
    while (items == 0)
        pthread_cond_wait(&cv, &m);
    items--;
    pthread_mutex_unlock(&m);
    return NULL;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, consumer, NULL);
    pthread_mutex_lock(&m);
    items = 2;
    pthread_cond_broadcast(&cv);
    pthread_mutex_unlock(&m);
    pthread_join(t, NULL);
    return 0;
}
