/* CL009 negative: a retry written with a label: after the wait the code
 * jumps back to the test. */
// expect-none
#include <pthread.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static int tokens;

static void *taker(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&m);
again:
    if (tokens == 0) {
        pthread_cond_wait(&cv, &m);
        goto again;
    }
    tokens--;
    pthread_mutex_unlock(&m);
    return NULL;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, taker, NULL);
    pthread_mutex_lock(&m);
    tokens++;
    pthread_cond_signal(&cv);
    pthread_mutex_unlock(&m);
    pthread_join(t, NULL);
    return 0;
}
