/* Pattern: a countdown where the worker publishes its result after it has
 * counted itself done.
 * Verdict: racy. The last worker's decrement wakes main, which reads
 * `results` while that worker (or another one that already decremented)
 * may still be storing into it.
 */
// class: condvar-handshake
#include <pthread.h>
#include <stdio.h>

#define NW 3
static pthread_mutex_t done_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t all_done = PTHREAD_COND_INITIALIZER;
static int pending = NW;
static long results[NW];

static void *cruncher(void *arg)
{
    long id = (long)arg;
    pthread_mutex_lock(&done_lock);
    if (--pending == 0)
        pthread_cond_broadcast(&all_done);
    pthread_mutex_unlock(&done_lock);
    results[id] = id * 42; // expect: CL002
    return NULL;
}

int main(void)
{
    pthread_t t[NW];
    for (long i = 0; i < NW; i++)
        pthread_create(&t[i], NULL, cruncher, (void *)i);
    pthread_mutex_lock(&done_lock);
    while (pending != 0)
        pthread_cond_wait(&all_done, &done_lock);
    pthread_mutex_unlock(&done_lock);
    long sum = 0;
    for (int i = 0; i < NW; i++)
        sum += results[i];
    printf("%ld\n", sum);
    for (int i = 0; i < NW; i++)
        pthread_join(t[i], NULL);
    return 0;
}
