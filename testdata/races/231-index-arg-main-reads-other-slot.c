/* Pattern: per-thread ring buffers picked with the start argument, as in
 * 228, but the main thread peeks at the ring of a worker it chose at run
 * time while the workers still produce.
 * Verdict: racy. `rings[victim]` is some worker's own ring: main reads
 * its head while that worker advances it.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

// class: per-thread-index-arg

enum { NRING = 4 };

struct ring {
    unsigned head;
    long slot[32];
};

static struct ring *rings[NRING];

static void *producer_main(void *arg)
{
    struct ring *r = rings[(unsigned long)arg];
    for (long v = 0; v < 100; v++) {
        r->slot[r->head % 32] = v;
        r->head++; // expect: CL002
    }
    return NULL;
}

int main(int argc, char **argv)
{
    pthread_t t[NRING];
    (void)argv;
    for (int i = 0; i < NRING; i++)
        rings[i] = calloc(1, sizeof(struct ring));
    for (int i = 0; i < NRING; i++)
        pthread_create(&t[i], NULL, producer_main, (void *)(unsigned long)i);
    int victim = argc % NRING;
    printf("%u\n", rings[victim]->head); // expect-related: CL002
    for (int i = 0; i < NRING; i++)
        pthread_join(t[i], NULL);
    return 0;
}
