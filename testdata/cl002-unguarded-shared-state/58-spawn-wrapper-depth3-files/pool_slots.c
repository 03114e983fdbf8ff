/* CL002 multi-file case 58, program 2 (negative, the twin of pool.c): a
 * pool of checksum workers started through thr_spawn_named() from thr.c
 * (three wrappers deep, in another file). Each worker sums into a slot of
 * its own, picked by the caller's loop counter, and sums_run() adds the
 * slots up after the joins: the four worker instances are in the model and
 * race on nothing.
 */
// expect-none
#include <pthread.h>
#include <stddef.h>
#include "thr.h"

enum { NWORKERS = 4, NBLOCKS = 256 };

static unsigned char blocks[NBLOCKS][64];      /* filled before the workers start */
unsigned long long checksum_total;             /* written after the joins */

struct slot {
    unsigned first;                            /* the worker's first block */
    unsigned long long sum;                    /* the worker's own */
};

static void *checksum_main(void *arg)
{
    struct slot *s = arg;
    for (unsigned b = s->first; b < NBLOCKS; b += NWORKERS)
        for (unsigned k = 0; k < sizeof blocks[b]; k++)
            s->sum = s->sum * 31 + blocks[b][k];
    return NULL;
}

int sums_run(void)
{
    static struct slot slots[NWORKERS];
    pthread_t tids[NWORKERS];
    int started[NWORKERS];
    for (unsigned b = 0; b < NBLOCKS; b++)
        blocks[b][b % 64] = (unsigned char)b;
    for (int i = 0; i < NWORKERS; i++) {
        slots[i].first = (unsigned)i;
        started[i] = thr_spawn_named(&tids[i], "checksum", checksum_main, &slots[i]) == 0;
    }
    for (int i = 0; i < NWORKERS; i++) {
        if (!started[i])
            continue;
        pthread_join(tids[i], NULL);
        checksum_total += slots[i].sum;
    }
    return 0;
}
