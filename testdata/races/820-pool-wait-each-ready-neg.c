/* Pattern: a worker pool's start-up barrier written per worker. Each
 * worker allocates its own scratch buffer from the configured size, then
 * marks itself ready under its own mutex and broadcasts; the pool's
 * creator, after starting them all, walks the pool and waits on every
 * worker's condition variable until that worker is ready (a helper per
 * worker, as thread pools in C servers do). Only then does it rewrite the
 * configuration and read each worker's buffer size. After start-up the
 * workers only take jobs from their own locked slot.
 * Verdict: race-free. Each worker's reads of the configuration and its
 * buffer writes come before its locked `ready` store; the creator's loop
 * saw every worker's store under that worker's mutex before it writes.
 */
// class: condvar-handshake
// expect-none
#include <pthread.h>
#include <stdlib.h>
#include <stdio.h>

enum { W_STARTING = 1, W_READY = 2 };

struct worker {
    pthread_t tid;
    pthread_mutex_t mu;
    pthread_cond_t cv;
    int state;
    size_t bufsz;
    char *buf;
    int job;
};

static size_t cfg_bufsz = 4096;
static struct worker *pool;
static int npool;

static void *worker_main(void *arg)
{
    struct worker *w = arg;
    w->bufsz = cfg_bufsz;
    w->buf = malloc(w->bufsz);
    pthread_mutex_lock(&w->mu);
    w->state = W_READY;
    pthread_cond_broadcast(&w->cv);
    while (w->job == 0)
        pthread_cond_wait(&w->cv, &w->mu);
    pthread_mutex_unlock(&w->mu);
    return NULL;
}

static void wait_ready(struct worker *w)
{
    pthread_mutex_lock(&w->mu);
    while (w->state != W_READY)
        pthread_cond_wait(&w->cv, &w->mu);
    pthread_mutex_unlock(&w->mu);
}

int main(int argc, char **argv)
{
    (void)argv;
    npool = argc + 3;
    pool = calloc((size_t)npool, sizeof *pool);
    for (int i = 0; i < npool; i++) {
        pool[i].state = W_STARTING;
        pthread_mutex_init(&pool[i].mu, NULL);
        pthread_cond_init(&pool[i].cv, NULL);
        pthread_create(&pool[i].tid, NULL, worker_main, &pool[i]);
    }
    for (int i = 0; i < npool; i++)
        wait_ready(&pool[i]);
    cfg_bufsz = 8192;
    size_t total = 0;
    for (int i = 0; i < npool; i++)
        total += pool[i].bufsz;
    printf("%zu\n", total);
    for (int i = 0; i < npool; i++) {
        pthread_mutex_lock(&pool[i].mu);
        pool[i].job = 1;
        pthread_cond_broadcast(&pool[i].cv);
        pthread_mutex_unlock(&pool[i].mu);
        pthread_join(pool[i].tid, NULL);
    }
    return 0;
}
