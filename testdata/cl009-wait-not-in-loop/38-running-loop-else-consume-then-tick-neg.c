/* CL009 negative: the loop tests `running`; the `if` waits when nothing is
 * pending and the `else` consumes; the statement after the `if` only
 * counts rounds and does not depend on what the wait waited for. */
// expect-none
#include <pthread.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t more = PTHREAD_COND_INITIALIZER;
static int pending, running = 1;
static long consumed, rounds;

static void *consumer(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&mu);
    while (running) {
        if (pending == 0)
            pthread_cond_wait(&more, &mu);
        else {
            pending--;
            consumed++;
        }
        rounds++;
    }
    pthread_mutex_unlock(&mu);
    return NULL;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, consumer, NULL);
    pthread_mutex_lock(&mu);
    pending = 3;
    running = 0;
    pthread_cond_signal(&more);
    pthread_mutex_unlock(&mu);
    pthread_join(t, NULL);
    return 0;
}
