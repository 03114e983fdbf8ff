/* Pattern: a countdown: each worker stores its result, then decrements
 * `pending` under the mutex and the last one signals; main waits in a
 * predicate loop until the count reaches zero and then reads the results
 * before it joins.
 * Verdict: race-free. Every result is written before its worker's
 * decrement; main leaves the loop only after the last decrement, under the
 * same mutex, so every write happens before main's reads.
 */
// class: condvar-handshake
// expect-none
#include <pthread.h>
#include <stdio.h>

#define NW 4
static pthread_mutex_t done_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t all_done = PTHREAD_COND_INITIALIZER;
static int pending = NW;
static long results[NW];

static void finish_one(void)
{
    pthread_mutex_lock(&done_lock);
    if (--pending == 0)
        pthread_cond_signal(&all_done);
    pthread_mutex_unlock(&done_lock);
}

static void *cruncher(void *arg)
{
    long id = (long)arg;
    long acc = 0;
    for (long i = 0; i < 1000; i++)
        acc += i * id;
    results[id] = acc;
    finish_one();
    return NULL;
}

int main(void)
{
    pthread_t t[NW];
    for (long i = 0; i < NW; i++)
        pthread_create(&t[i], NULL, cruncher, (void *)i);
    pthread_mutex_lock(&done_lock);
    while (pending > 0)
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
