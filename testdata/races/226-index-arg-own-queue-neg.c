/* Pattern: a pool of shard workers, each started with its shard number
 * cast into the start argument (`(void *)(long)i`). The worker casts it
 * back into a local and drains its own queue, `queues[id]`, a heap object
 * the creator allocated in the same iteration before the spawn.
 * Verdict: race-free. Each thread's index is its own loop value, so
 * `queues[id]` and everything reached through it belong to that thread;
 * the creator's writes of `queues[i]` precede the spawn of thread i and
 * touch other elements afterwards.
 */
#include <pthread.h>
#include <stdlib.h>

// class: per-thread-index-arg
// expect-none

enum { NSHARD = 4 };

struct queue {
    int len;
    int items[64];
};

static struct queue *queues[NSHARD];

static void *shard_main(void *arg)
{
    long id = (long)arg;
    struct queue *q = queues[id];
    while (q->len > 0)
        q->items[--q->len] = 0;
    q->len = 0;
    return NULL;
}

int main(void)
{
    pthread_t t[NSHARD];
    for (int i = 0; i < NSHARD; i++) {
        queues[i] = calloc(1, sizeof(struct queue));
        queues[i]->len = i;
        pthread_create(&t[i], NULL, shard_main, (void *)(long)i);
    }
    for (int i = 0; i < NSHARD; i++)
        pthread_join(t[i], NULL);
    return 0;
}
