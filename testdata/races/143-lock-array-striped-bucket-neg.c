/* Pattern: striped counters, the bucket's own lock around the bucket,
 * taken through helpers that get the bucket number.
 * Verdict: race-free. count() computes the bucket b once and holds
 * bucket_lock[b] (bucket_enter(b) .. bucket_leave(b)) around hits[b];
 * threads that pick the same bucket take the same mutex, threads on
 * different buckets touch different counters.
 */
// class: lock-arrays
// expect-none
#include <pthread.h>
#include <stdio.h>

#define NB 8
static pthread_mutex_t bucket_lock[NB];
static long hits[NB];

static void bucket_enter(unsigned b)
{
    pthread_mutex_lock(&bucket_lock[b]);
}

static void bucket_leave(unsigned b)
{
    pthread_mutex_unlock(&bucket_lock[b]);
}

static void count(unsigned key)
{
    unsigned b = key % NB;
    bucket_enter(b);
    hits[b]++;
    bucket_leave(b);
}

static void *scanner(void *arg)
{
    for (unsigned k = 0; k < 5000; k++)
        count(k * 7u);
    return arg;
}

int main(void)
{
    for (int i = 0; i < NB; i++)
        pthread_mutex_init(&bucket_lock[i], NULL);
    pthread_t t[4];
    for (int i = 0; i < 4; i++)
        pthread_create(&t[i], NULL, scanner, NULL);
    for (int i = 0; i < 4; i++)
        pthread_join(t[i], NULL);
    printf("%ld\n", hits[0]);
    return 0;
}
