/* Pattern: a proxy builds its statistics block with a constructor
 * (stats_new: calloc, then the mutex initialized) and hands the same
 * block to two forwarding threads. The threads bump the byte counters
 * without taking the block's mutex.
 * Verdict: racy. Both threads update `bytes_in` of the one block
 * stats_new returned, with no lock.
 */
// class: heap-ownership
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

struct stats {
    pthread_mutex_t lock;
    unsigned long bytes_in;
    unsigned long bytes_out;
};

static struct stats *stats_new(void)
{
    struct stats *s = calloc(1, sizeof *s);
    if (s == NULL)
        return NULL;
    pthread_mutex_init(&s->lock, NULL);
    return s;
}

static void *forward(void *arg)
{
    struct stats *st = arg;
    for (int i = 0; i < 1000; i++)
        st->bytes_in += 512; // expect: CL002
    return NULL;
}

int main(void)
{
    struct stats *st = stats_new();
    pthread_t up, down;
    if (st == NULL)
        return 1;
    pthread_create(&up, NULL, forward, st);
    pthread_create(&down, NULL, forward, st);
    pthread_join(up, NULL);
    pthread_join(down, NULL);
    printf("%lu\n", st->bytes_in);
    free(st);
    return 0;
}
