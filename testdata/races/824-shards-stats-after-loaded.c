/* Pattern: shard loaders that report `loaded` under the shard's lock and
 * only then fill in their statistics; the main thread waits for every
 * shard's flag in an index loop and then sums the statistics.
 * Verdict: racy. The statistics are written after the store main waited
 * for, so main's reads can run while a loader still writes them.
 */
// class: condvar-handshake
#include <pthread.h>
#include <stdio.h>

#define NSHARDS 8

struct shard {
    pthread_mutex_t lock;
    pthread_cond_t done;
    int loaded;
    unsigned table[16];
    unsigned entries;
};

static struct shard shards[NSHARDS];

static void *loader(void *arg)
{
    struct shard *s = arg;
    for (int k = 0; k < 16; k++)
        s->table[k] = (unsigned)k * 3u;
    pthread_mutex_lock(&s->lock);
    s->loaded = 1;
    pthread_cond_signal(&s->done);
    pthread_mutex_unlock(&s->lock);
    s->entries = 16; // expect: CL002
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
    unsigned sum = 0;
    for (int i = 0; i < NSHARDS; i++)
        sum += shards[i].entries + shards[i].table[2];
    printf("%u\n", sum);
    return 0;
}
