/* Pattern: the fixed version of a per-worker statistics pool: each worker
 * gets its own block, allocated in the iteration that starts it, and the
 * blocks are summed after the joins through a table of pointers.
 * Verdict: race-free. Every instance writes only its own block; main reads
 * the blocks after joining every worker.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

// class: heap-contexts
// expect-none

enum { NWORKERS = 4 };

struct pool_stats {
    unsigned long served;
    unsigned long failed;
};

static void count(struct pool_stats *st, int ok)
{
    if (ok)
        st->served++;
    else
        st->failed++;
}

static void *pool_worker(void *arg)
{
    struct pool_stats *st = arg;
    for (int k = 0; k < 1000; k++)
        count(st, k % 7 != 0);
    return NULL;
}

int main(void)
{
    pthread_t tids[NWORKERS];
    struct pool_stats *blocks[NWORKERS];
    for (int i = 0; i < NWORKERS; i++) {
        struct pool_stats *st = calloc(1, sizeof *st);
        if (st == NULL)
            return 1;
        blocks[i] = st;
        pthread_create(&tids[i], NULL, pool_worker, st);
    }
    unsigned long served = 0;
    for (int i = 0; i < NWORKERS; i++) {
        pthread_join(tids[i], NULL);
        served += blocks[i]->served;
        free(blocks[i]);
    }
    printf("%lu served\n", served);
    return 0;
}
