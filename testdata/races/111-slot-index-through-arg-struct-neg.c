/* Pattern: a parallel checksum: each worker adds into its own slot of a
 * global array, picking the slot with the index its argument struct
 * carries (`partial[a->idx]`).
 * Verdict: race-free. Every thread gets its own element &args[i] of the
 * spawn loop, so a->idx differs per thread and so does partial[a->idx];
 * main sums the slots after joining all workers.
 */
#include <pthread.h>
#include <stdio.h>

// class: per-thread-slots
// expect-none

enum { NPART = 4, CHUNK = 256 };

struct part_arg {
    int idx;
    const unsigned char *data;
    size_t len;
};

static unsigned long partial[NPART];
static unsigned char blob[NPART * CHUNK];

static void *checksum_part(void *p)
{
    struct part_arg *a = p;
    partial[a->idx] = 0;
    for (size_t k = 0; k < a->len; k++)
        partial[a->idx] = partial[a->idx] * 33 + a->data[k];
    return NULL;
}

int main(void)
{
    pthread_t tids[NPART];
    struct part_arg args[NPART];
    for (int i = 0; i < NPART; i++) {
        args[i].idx = i;
        args[i].data = blob + (size_t)i * CHUNK;
        args[i].len = CHUNK;
        pthread_create(&tids[i], NULL, checksum_part, &args[i]);
    }
    unsigned long sum = 0;
    for (int i = 0; i < NPART; i++) {
        pthread_join(tids[i], NULL);
        sum ^= partial[i];
    }
    printf("%lx\n", sum);
    return 0;
}
