/* Pattern: a worker pool whose creator waits for every worker to be ready
 * (per-worker mutex, condition variable and state), then rewrites the
 * configuration. But each worker keeps reading the configuration in its
 * job loop after it reported ready.
 * Verdict: racy. The hand-off orders only what a worker did before its
 * ready store; its later reads of `cfg_timeout` run while main writes it.
 */
// class: condvar-handshake
#include <pthread.h>
#include <stdlib.h>

enum { W_STARTING = 1, W_READY = 2 };

struct worker {
    pthread_t tid;
    pthread_mutex_t mu;
    pthread_cond_t cv;
    int state;
    int stop;
    int job;
    long served;
};

static int cfg_timeout = 5;
static struct worker *pool;
static int npool;

static void *worker_main(void *arg)
{
    struct worker *w = arg;
    pthread_mutex_lock(&w->mu);
    w->state = W_READY;
    pthread_cond_broadcast(&w->cv);
    pthread_mutex_unlock(&w->mu);
    for (;;) {
        pthread_mutex_lock(&w->mu);
        while (!w->stop && !w->job)
            pthread_cond_wait(&w->cv, &w->mu);
        if (w->stop) {
            pthread_mutex_unlock(&w->mu);
            break;
        }
        w->job = 0;
        pthread_mutex_unlock(&w->mu);
        w->served += cfg_timeout; // expect: CL002
    }
    return NULL;
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
    for (int i = 0; i < npool; i++) {
        struct worker *w = &pool[i];
        pthread_mutex_lock(&w->mu);
        while (w->state != W_READY)
            pthread_cond_wait(&w->cv, &w->mu);
        pthread_mutex_unlock(&w->mu);
    }
    cfg_timeout = 10;
    for (int i = 0; i < npool; i++) {
        pthread_mutex_lock(&pool[i].mu);
        pool[i].stop = 1;
        pthread_cond_broadcast(&pool[i].cv);
        pthread_mutex_unlock(&pool[i].mu);
        pthread_join(pool[i].tid, NULL);
    }
    return 0;
}
