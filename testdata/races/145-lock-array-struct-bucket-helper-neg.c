/* Pattern: array of buckets, each with its own mutex, updated by a helper.
 * Verdict: race-free. bump(b) locks table[b].mu and updates table[b].n for
 * the same b; workers pass indexes they compute themselves.
 */
// class: lock-arrays
// expect-none
#include <pthread.h>
#include <stdio.h>

#define NB 32
struct bucket {
    pthread_mutex_t mu;
    int n;
};
static struct bucket table[NB];

static void bump(int b)
{
    pthread_mutex_lock(&table[b].mu);
    table[b].n++;
    pthread_mutex_unlock(&table[b].mu);
}

static void *worker(void *arg)
{
    for (int i = 0; i < 10000; i++)
        bump((i * 31) % NB);
    return arg;
}

int main(void)
{
    for (int i = 0; i < NB; i++)
        pthread_mutex_init(&table[i].mu, NULL);
    pthread_t t[4];
    for (int i = 0; i < 4; i++)
        pthread_create(&t[i], NULL, worker, NULL);
    for (int i = 0; i < 4; i++)
        pthread_join(t[i], NULL);
    printf("%d\n", table[0].n);
    return 0;
}
