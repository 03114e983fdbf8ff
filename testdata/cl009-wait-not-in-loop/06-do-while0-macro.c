/* CL009 positive: a WAIT_FOR macro written as `do { } while (0)`, which
 * runs its body once: it is not a loop, the predicate is tested once. */
#include <pthread.h>

#define WAIT_FOR(pred, cv, m) do { if (!(pred)) pthread_cond_wait(cv, m); } while (0)

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static int ready;

static void *consumer(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&m);
    WAIT_FOR(ready, &cv, &m); // expect: CL009
    ready--;
    pthread_mutex_unlock(&m);
    return NULL;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, consumer, NULL);
    pthread_mutex_lock(&m);
    ready = 1;
    pthread_cond_signal(&cv);
    pthread_mutex_unlock(&m);
    pthread_join(t, NULL);
    return 0;
}
