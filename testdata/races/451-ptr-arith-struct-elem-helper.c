/* Pattern: a helper updates the statistics of one shard through a pointer
 * to the array plus an offset, `(s + k)->hits++`; main resets the shard
 * while the worker runs.
 * Verdict: racy. `(s + k)->hits` in the helper is `shards[1].hits`.
 */
#include <pthread.h>

struct shard {
    long hits;
    long misses;
};

static struct shard shards[4];

static void bump(struct shard *s, int k)
{
    (s + k)->hits++; // expect: CL002
}

static void *worker(void *arg)
{
    bump(shards, 1);
    return arg;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, worker, NULL);
    shards[1].hits = 0;
    pthread_join(t, NULL);
    return 0;
}
