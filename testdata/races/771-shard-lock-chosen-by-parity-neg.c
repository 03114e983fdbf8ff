/* Pattern: a metrics module keeps two shards, each with its own mutex.
 * record() picks the shard's mutex with a conditional operator on the
 * key's parity and then updates the shard the same parity test picks.
 * Verdict: race-free. The mutex and the counter are chosen by the same
 * unchanged condition: the odd counter is only touched under odd_lock,
 * the even one under even_lock.
 */
// expect-none
// class: lock-order-choice
#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t odd_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t even_lock = PTHREAD_MUTEX_INITIALIZER;
static long odd_hits, even_hits;

static void record(unsigned key)
{
    pthread_mutex_t *m = (key & 1u) ? &odd_lock : &even_lock;
    pthread_mutex_lock(m);
    if (key & 1u)
        odd_hits++;
    else
        even_hits++;
    pthread_mutex_unlock(m);
}

static void *client(void *arg)
{
    unsigned base = (unsigned)(arg != NULL);
    for (unsigned k = 0; k < 100; k++)
        record(base + k);
    return NULL;
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, NULL, client, NULL);
    pthread_create(&b, NULL, client, (void *)1);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    printf("%ld %ld\n", odd_hits, even_hits);
    return 0;
}
