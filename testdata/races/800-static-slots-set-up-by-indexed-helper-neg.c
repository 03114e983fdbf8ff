/* Pattern: a fixed table of shard descriptors; the spawn loop calls a
 * helper with the loop index to set up that round's shard, then starts
 * the shard's thread on it.
 * Verdict: race-free. setup_shard(i) writes only shards[i], before the
 * thread that owns shards[i] is started; earlier threads own other
 * shards.
 */
// expect-none
#include <pthread.h>
#include <stddef.h>

#define NSHARD 8

struct shard {
    pthread_t tid;
    unsigned lo, hi;
    unsigned long sum;
};

static struct shard shards[NSHARD];

static void *shard_main(void *arg)
{
    struct shard *s = arg;
    for (unsigned k = s->lo; k < s->hi; k++)
        s->sum += k;
    return NULL;
}

static void setup_shard(int idx)
{
    shards[idx].lo = (unsigned)idx * 1000u;
    shards[idx].hi = shards[idx].lo + 1000u;
    shards[idx].sum = 0;
}

int main(void)
{
    for (int i = 0; i < NSHARD; i++) {
        setup_shard(i);
        if (pthread_create(&shards[i].tid, NULL, shard_main, &shards[i]) != 0)
            break;
    }
    for (int i = 0; i < NSHARD; i++)
        pthread_join(shards[i].tid, NULL);
    return 0;
}
