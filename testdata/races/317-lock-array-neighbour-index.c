/* Pattern: bucket scan where one scanner locks the bucket's neighbour
 * (`locks[j + 1]`) instead of the bucket it reads and writes.
 * Verdict: racy. The other scanner holds locks[j] for bucket j; this one
 * holds locks[j + 1]: no common lock on buckets[j].
 */
#include <pthread.h>
#include <stdio.h>

// class: lock-arrays

enum { NB = 8 };

static int buckets[NB];
static pthread_mutex_t locks[NB + 1];

static void *scan_right(void *arg)
{
    for (int j = 0; j < NB; j++) {
        pthread_mutex_lock(&locks[j]);
        buckets[j]++;
        pthread_mutex_unlock(&locks[j]);
    }
    return arg;
}

static void *scan_shifted(void *arg)
{
    for (int j = 0; j < NB; j++) {
        pthread_mutex_lock(&locks[j + 1]);
        buckets[j]--; // expect: CL002
        pthread_mutex_unlock(&locks[j + 1]);
    }
    return arg;
}

int main(void)
{
    for (int j = 0; j <= NB; j++)
        pthread_mutex_init(&locks[j], NULL);
    pthread_t a, b;
    pthread_create(&a, NULL, scan_right, NULL);
    pthread_create(&b, NULL, scan_shifted, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    printf("%d\n", buckets[0]);
    return 0;
}
