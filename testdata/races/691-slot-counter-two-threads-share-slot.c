/* Pattern: 688's decoder, but each slot gets two threads, an input
 * reader and a block decoder, that both update the slot's progress
 * counter without a lock.
 * Verdict: racy. The slot is per pair of threads, not per thread: the
 * reader and the decoder of one slot write `progress` at the same time.
 * Also a partial start (CL011): when the decoder cannot be started, the
 * reader of that slot is left running and nobody joins it.
 */
// class: per-thread-slot
#include <pthread.h>
#include <stdlib.h>

struct worker {
    size_t progress;
    pthread_t reader_id, decoder_id;
};

struct coder {
    struct worker *threads;
    unsigned threads_max, threads_initialized;
};

static void *reader(void *arg)
{
    struct worker *thr = arg;
    thr->progress += 512; // expect: CL002
    return NULL;
}

static void *decoder(void *arg)
{
    struct worker *thr = arg;
    thr->progress += 4096;
    return NULL;
}

static int initialize_new_pair(struct coder *c)
{
    struct worker *thr = &c->threads[c->threads_initialized];
    thr->progress = 0;
    if (pthread_create(&thr->reader_id, NULL, reader, thr) != 0) // expect: CL011 {{after a later start failed}}
        return -1;
    if (pthread_create(&thr->decoder_id, NULL, decoder, thr) != 0)
        return -1;
    ++c->threads_initialized;
    return 0;
}

int decode_blocks(struct coder *c, int blocks)
{
    c->threads = calloc(c->threads_max, sizeof *c->threads);
    if (c->threads == NULL)
        return -1;
    for (int b = 0; b < blocks && c->threads_initialized < c->threads_max; b++)
        if (initialize_new_pair(c) != 0)
            return -1;
    return 0;
}
