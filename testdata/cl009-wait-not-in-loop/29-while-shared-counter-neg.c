/* CL009 negative: memcached's wait_for_thread_registration(): a counting
 * comparison in the loop's test, but on a shared counter the workers bump,
 * so the loop re-checks the predicate (thread.c in memcached 1.6). */
// expect-none
#include <pthread.h>

#define NTHREADS 4

static pthread_mutex_t init_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t init_cond = PTHREAD_COND_INITIALIZER;
static int init_count;

static void *worker(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&init_lock);
    init_count++;
    pthread_cond_signal(&init_cond);
    pthread_mutex_unlock(&init_lock);
    return NULL;
}

static void wait_for_registration(int nthreads)
{
    while (init_count < nthreads)
        pthread_cond_wait(&init_cond, &init_lock);
}

int main(void)
{
    pthread_t t[NTHREADS];
    pthread_mutex_lock(&init_lock);
    for (int i = 0; i < NTHREADS; i++)
        pthread_create(&t[i], NULL, worker, NULL);
    wait_for_registration(NTHREADS);
    pthread_mutex_unlock(&init_lock);
    for (int i = 0; i < NTHREADS; i++)
        pthread_join(t[i], NULL);
    return 0;
}
