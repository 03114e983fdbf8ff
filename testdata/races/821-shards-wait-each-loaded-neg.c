/* Pattern: shards loaded in parallel at start-up. A fixed table of shards
 * (a static array); one loader thread per shard builds the shard's table
 * from the global seed, then sets `loaded` under the shard's lock and
 * signals. The main thread waits for each shard in turn (an index loop
 * over the same table), then changes the seed for later rehashing and
 * sums the tables. The loaders are detached and exit after loading.
 * Verdict: race-free. Every loader's reads of the seed and writes of its
 * table precede its locked `loaded` store; main leaves its loop only
 * after it saw each shard's store under that shard's lock.
 */
// class: condvar-handshake
// expect-none
#include <pthread.h>
#include <stdio.h>

#define NSHARDS 8

struct shard {
    pthread_mutex_t lock;
    pthread_cond_t done;
    int loaded;
    unsigned table[16];
};

static struct shard shards[NSHARDS];
static unsigned seed = 7;

static void *loader(void *arg)
{
    struct shard *s = arg;
    for (int k = 0; k < 16; k++)
        s->table[k] = seed * (unsigned)k;
    pthread_mutex_lock(&s->lock);
    s->loaded = 1;
    pthread_cond_signal(&s->done);
    pthread_mutex_unlock(&s->lock);
    return NULL;
}

int main(void)
{
    pthread_t t;
    for (int i = 0; i < NSHARDS; i++) {
        pthread_mutex_init(&shards[i].lock, NULL);
        pthread_cond_init(&shards[i].done, NULL);
        pthread_create(&t, NULL, loader, &shards[i]);
        pthread_detach(t);
    }
    for (int i = 0; i < NSHARDS; i++) {
        pthread_mutex_lock(&shards[i].lock);
        while (!shards[i].loaded)
            pthread_cond_wait(&shards[i].done, &shards[i].lock);
        pthread_mutex_unlock(&shards[i].lock);
    }
    seed = 11;
    unsigned sum = 0;
    for (int i = 0; i < NSHARDS; i++)
        sum += shards[i].table[3];
    printf("%u\n", sum);
    return 0;
}
