/* Pattern: striped hash table, the stripe index moves on before the access.
 * Verdict: racy. put() locks stripe[b] for the key's bucket, then probes
 * the next bucket (b changes) and increments that bucket's counter while
 * still holding only the first bucket's lock; another thread may hold
 * the lock of the bucket actually written.
 */
// class: lock-arrays
#include <pthread.h>
#include <stdio.h>

#define NB 16
static pthread_mutex_t stripe[NB];
static int used[NB];

static unsigned bucket_of(unsigned key)
{
    return (key * 2654435761u) % NB;
}

static void put(unsigned key)
{
    unsigned b = bucket_of(key);
    pthread_mutex_lock(&stripe[b]);
    if (used[b] > 8)
        b = (b + 1) % NB;
    used[b]++; // expect: CL002
    pthread_mutex_unlock(&stripe[b]);
}

static void *loader(void *arg)
{
    for (unsigned k = 0; k < 1000; k++)
        put(k);
    return arg;
}

int main(void)
{
    for (int i = 0; i < NB; i++)
        pthread_mutex_init(&stripe[i], NULL);
    pthread_t t[3];
    for (int i = 0; i < 3; i++)
        pthread_create(&t[i], NULL, loader, NULL);
    for (int i = 0; i < 3; i++)
        pthread_join(t[i], NULL);
    printf("%d\n", used[0]);
    return 0;
}
