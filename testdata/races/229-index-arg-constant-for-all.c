/* Pattern: the shard workers of 226, but the spawn loop passes the same
 * shard number to every worker (`(void *)0L`, a leftover of a
 * single-shard build).
 * Verdict: racy. Every instance drains `queues[0]`: the index is not the
 * loop's value, so the threads share the element.
 */
#include <pthread.h>
#include <stdlib.h>

// class: per-thread-index-arg

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
    q->len = 0; // expect: CL002 {{races with itself}}
    return NULL;
}

int main(void)
{
    pthread_t t[NSHARD];
    for (int i = 0; i < NSHARD; i++)
        queues[i] = calloc(1, sizeof(struct queue));
    for (int i = 0; i < NSHARD; i++)
        pthread_create(&t[i], NULL, shard_main, (void *)0L);
    for (int i = 0; i < NSHARD; i++)
        pthread_join(t[i], NULL);
    return 0;
}
