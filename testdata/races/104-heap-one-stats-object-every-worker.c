/* Pattern: a pool allocates one statistics block before its start loop and
 * hands the same pointer to every worker, which count into it unlocked.
 * Verdict: racy. `st` is allocated once, outside the loop: all instances
 * of pool_worker share it, so st->served++ races between instances, and
 * so does st->failed++: one unlocked statistics block, one finding.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

// class: heap-contexts

enum { NWORKERS = 4 };

struct pool_stats {
    unsigned long served;
    unsigned long failed;
};

static int serve_one(int k)
{
    return k % 7 != 0;
}

static void *pool_worker(void *arg)
{
    struct pool_stats *st = arg;
    for (int k = 0; k < 1000; k++) {
        if (serve_one(k))
            st->served++; // expect: CL002 {{races with itself}}
        else
            st->failed++; // expect-related: CL002 {{also writes 'st->failed' in 'pool_worker'}}
    }
    return NULL;
}

int main(void)
{
    pthread_t tids[NWORKERS];
    struct pool_stats *st = calloc(1, sizeof *st);
    if (st == NULL)
        return 1;
    for (int i = 0; i < NWORKERS; i++)
        pthread_create(&tids[i], NULL, pool_worker, st);
    for (int i = 0; i < NWORKERS; i++)
        pthread_join(tids[i], NULL);
    printf("%lu served, %lu failed\n", st->served, st->failed);
    free(st);
    return 0;
}
