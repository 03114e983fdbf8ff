/* CL012 positive: a shard loop written with while and a counter; the
 * counter's address goes to each shard thread, joined only at the end. */
#include <pthread.h>

#define NSHARDS 8

static long totals[NSHARDS];

static void *shard_main(void *arg)
{
    int shard = *(const int *)arg; // expect: CL002
    for (int k = 0; k < 1000; k++)
        totals[shard % NSHARDS] += k; // expect: CL002
    return NULL;
}

long sum_shards(void);
long sum_shards(void)
{
    pthread_t t[NSHARDS];
    int s = 0;
    while (s < NSHARDS) {
        pthread_create(&t[s], NULL, shard_main, &s); // expect: CL012 {{address of 's'}}
        s++;
    }
    long sum = 0;
    for (int i = 0; i < NSHARDS; i++) {
        pthread_join(t[i], NULL);
        sum += totals[i];
    }
    return sum;
}
