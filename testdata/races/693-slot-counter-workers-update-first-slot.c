/* Pattern: 688's decoder, but every worker also adds its output to the
 * totals kept in the first slot of the table (`c->threads[0]`), through
 * the coder pointer each slot keeps, with no lock.
 * Verdict: racy. The workers own their slots, not the first one: all of
 * them add to `threads[0].out_total` at once.
 */
// class: per-thread-slot
#include <pthread.h>
#include <stdlib.h>

struct coder;

struct worker {
    struct coder *coder;
    size_t out_pos, out_total;
    pthread_t thread_id;
};

struct coder {
    struct worker *threads;
    unsigned threads_max, threads_initialized;
};

static void *worker_decoder(void *arg)
{
    struct worker *thr = arg;
    thr->out_pos += 4096;
    thr->coder->threads[0].out_total += thr->out_pos; // expect-todo: CL002 -- what the own slot points to counts as the thread's own too, when the walk does not know the pointer (also for slots of a spawn loop)
    return NULL;
}

static int initialize_new_thread(struct coder *c)
{
    struct worker *thr = &c->threads[c->threads_initialized];
    thr->coder = c;
    thr->out_pos = 0;
    thr->out_total = 0;
    if (pthread_create(&thr->thread_id, NULL, worker_decoder, thr) != 0)
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
        if (initialize_new_thread(c) != 0)
            return -1;
    return 0;
}
