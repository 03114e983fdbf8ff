/* Pattern: C11 threads whose handles live in an array of structs; the join
 * loop has the same bound as the spawn loop.
 * Verdict: race-free. Each worker fills its own slot; main reads the
 * slots only after joining every worker.
 */
// class: join-coverage
// expect-none
#include <stdio.h>
#include <threads.h>

#define NSHARDS 6

struct shard {
    thrd_t tid;
    long id;
    long sum;
};

static struct shard shards[NSHARDS];
static long grand_total;

static int shard_main(void *arg)
{
    struct shard *s = arg;
    for (long i = 0; i < 100; i++)
        s->sum += i * s->id;
    return 0;
}

int main(void)
{
    for (int i = 0; i < NSHARDS; i++) {
        shards[i].id = i;
        thrd_create(&shards[i].tid, shard_main, &shards[i]);
    }
    for (int i = 0; i < NSHARDS; i++)
        thrd_join(shards[i].tid, NULL);
    for (int i = 0; i < NSHARDS; i++)
        grand_total += shards[i].sum;
    printf("%ld\n", grand_total);
    return 0;
}
