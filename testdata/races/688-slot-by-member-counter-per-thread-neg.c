/* Pattern: a multi-threaded decoder that starts its workers on demand
 * (liblzma's initialize_new_thread): each new worker gets the next slot of
 * the coder's thread array, `&c->threads[c->threads_initialized]`, set up
 * before the start; the counter is incremented after it. Each worker then
 * owns its slot and writes its progress fields without a lock, as the
 * decoder documents.
 * Verdict: race-free. Every start takes another slot (the counter only
 * grows, in the one thread that starts workers); the set-up writes happen
 * before the worker runs.
 */
// class: per-thread-slot
#include <pthread.h>
#include <stdlib.h>

// expect-none

struct worker {
    pthread_mutex_t mutex;
    pthread_cond_t cond;
    int state; /* 0 idle, 1 run, 2 exit */
    size_t in_pos, progress;
    int partial_update;
    pthread_t thread_id;
};

struct coder {
    struct worker *threads;
    unsigned threads_max, threads_initialized;
};

static void *worker_decoder(void *arg)
{
    struct worker *thr = arg;
    for (;;) {
        pthread_mutex_lock(&thr->mutex);
        while (thr->state == 0)
            pthread_cond_wait(&thr->cond, &thr->mutex);
        int st = thr->state, partial = thr->partial_update;
        pthread_mutex_unlock(&thr->mutex);
        if (st == 2)
            return NULL;
        thr->in_pos += 4096;
        thr->progress = thr->in_pos;
        if (partial)
            thr->partial_update = 2;
    }
}

static int initialize_new_thread(struct coder *c)
{
    if (c->threads == NULL) {
        c->threads = calloc(c->threads_max, sizeof *c->threads);
        if (c->threads == NULL)
            return -1;
    }
    struct worker *thr = &c->threads[c->threads_initialized];
    pthread_mutex_init(&thr->mutex, NULL);
    pthread_cond_init(&thr->cond, NULL);
    thr->state = 0;
    thr->in_pos = 0;
    thr->progress = 0;
    thr->partial_update = 0;
    if (pthread_create(&thr->thread_id, NULL, worker_decoder, thr) != 0)
        return -1;
    ++c->threads_initialized;
    return 0;
}

int decode_blocks(struct coder *c, int blocks)
{
    for (int b = 0; b < blocks; b++)
        if (c->threads_initialized < c->threads_max && initialize_new_thread(c) != 0)
            return -1;
    return 0;
}
