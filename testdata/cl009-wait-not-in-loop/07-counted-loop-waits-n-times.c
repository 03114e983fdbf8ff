/* CL009 positive: a collector expects exactly N completions and waits N
 * times in a counting loop; a spurious wakeup counts as a completion. */
#include <pthread.h>

#define NWORK 4

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t one_done = PTHREAD_COND_INITIALIZER;
static int finished;

static void *work(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&m);
    finished++;
    pthread_cond_signal(&one_done);
    pthread_mutex_unlock(&m);
    return NULL;
}

int main(void)
{
    pthread_t t[NWORK];
    for (int i = 0; i < NWORK; i++)
        pthread_create(&t[i], NULL, work, NULL);
    pthread_mutex_lock(&m);
    for (int i = 0; i < NWORK; i++)
        pthread_cond_wait(&one_done, &m); // expect: CL009
    pthread_mutex_unlock(&m);
    for (int i = 0; i < NWORK; i++)
        pthread_join(t[i], NULL);
    return finished;
}
