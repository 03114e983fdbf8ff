/* CL008 positive (a sharded cache): an entry moves from one shard to
 * another under both shards' locks, the source first. The rebalancer
 * moves entries from hot shards to cold ones while the compactor moves
 * them back, so each can hold the shard the other wants next.
 */
#include <pthread.h>

#define NSHARDS 8

struct shard {
    pthread_mutex_t mu;
    int entries;
};

struct cache {
    struct shard shards[NSHARDS];
    int moves;
};

static struct cache cache;

static void move_entry(struct cache *c, unsigned src, unsigned dst)
{
    pthread_mutex_lock(&c->shards[src].mu);
    pthread_mutex_lock(&c->shards[dst].mu); // expect: CL008 {{two elements of one lock array picked by the caller's arguments}}
    if (c->shards[src].entries > 0) {
        c->shards[src].entries--;
        c->shards[dst].entries++;
    }
    pthread_mutex_unlock(&c->shards[dst].mu);
    pthread_mutex_unlock(&c->shards[src].mu);
}

static void *rebalancer(void *arg)
{
    (void)arg;
    for (unsigned i = 0; i < NSHARDS - 1; i++)
        move_entry(&cache, i, i + 1);
    return NULL;
}

static void *compactor(void *arg)
{
    (void)arg;
    for (unsigned i = NSHARDS - 1; i > 0; i--)
        move_entry(&cache, i, i - 1);
    return NULL;
}

int main(void)
{
    pthread_t a, b;
    for (int i = 0; i < NSHARDS; i++)
        pthread_mutex_init(&cache.shards[i].mu, NULL);
    pthread_create(&a, NULL, rebalancer, NULL);
    pthread_create(&b, NULL, compactor, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    return 0;
}
