/* Pattern: a single-shard server: the shard table has one entry, started
 * by a loop over it; the shard thread updates global statistics.
 * Verdict: race-free. One shard thread, joined before main reads.
 */
// class: spawn-count
// expect-none
#include <pthread.h>

struct shard {
    pthread_t tid;
    int id;
};

static struct shard shards[1];
static unsigned long requests;

static void *serve(void *arg)
{
    struct shard *s = arg;
    for (int i = 0; i < 50; i++)
        requests += (unsigned long)s->id + 1;
    return NULL;
}

int main(void)
{
    for (int i = 0; i < 1; i++) {
        shards[i].id = i;
        pthread_create(&shards[i].tid, NULL, serve, &shards[i]);
    }
    pthread_join(shards[0].tid, NULL);
    return (int)requests;
}
