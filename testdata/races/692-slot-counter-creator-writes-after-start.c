/* Pattern: 688's decoder, but the starting thread hands the worker its
 * first block by writing the slot's input fields after the start, with no
 * lock, while the worker is already reading them.
 * Verdict: racy. The slot is the worker's own, but the creator writes it
 * after the start: the worker's read of `in_size` and the creator's write
 * may run at once.
 */
// class: per-thread-slot
#include <pthread.h>
#include <stdlib.h>

struct worker {
    const unsigned char *in;
    size_t in_size, in_pos;
    pthread_t thread_id;
};

struct coder {
    struct worker *threads;
    unsigned threads_max, threads_initialized;
};

static void *worker_decoder(void *arg)
{
    struct worker *thr = arg;
    while (thr->in_pos < thr->in_size)
        thr->in_pos += 4096;
    return NULL;
}

static int start_worker(struct coder *c, const unsigned char *block, size_t size)
{
    struct worker *thr = &c->threads[c->threads_initialized];
    thr->in_pos = 0;
    thr->in_size = 0;
    if (pthread_create(&thr->thread_id, NULL, worker_decoder, thr) != 0)
        return -1;
    ++c->threads_initialized;
    thr->in = block;
    thr->in_size = size; // expect-todo: CL002 -- a creator's write to the element it handed over, after the start in the same round, counts as the element of a round to come (also in spawn loops)
    return 0;
}

int decode_blocks(struct coder *c, const unsigned char *data, size_t n)
{
    c->threads = calloc(c->threads_max, sizeof *c->threads);
    if (c->threads == NULL)
        return -1;
    for (size_t off = 0; off < n && c->threads_initialized < c->threads_max; off += 65536)
        if (start_worker(c, data + off, n - off < 65536 ? n - off : 65536) != 0)
            return -1;
    return 0;
}
