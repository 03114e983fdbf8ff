/* CL011 negative: the exit path flags every worker, then joins each one
 * through a helper called once per element of the worker array (a retry
 * loop around the join loop skips the workers already reaped). Each call
 * joins another element's thread. */
// expect-none
#include <pthread.h>
#include <stdlib.h>

#define F_EXIT 1u
#define F_REAPED 2u

struct worker {
    pthread_t tid;
    pthread_mutex_t lock;
    pthread_cond_t wake;
    unsigned flags;
};

struct queue {
    struct worker *workers;
    int nworkers;
};

static void *worker_loop(void *arg)
{
    struct worker *w = arg;
    pthread_mutex_lock(&w->lock);
    while (!(w->flags & F_EXIT))
        pthread_cond_wait(&w->wake, &w->lock);
    pthread_mutex_unlock(&w->lock);
    return NULL;
}

static void reap_worker(struct worker *w)
{
    pthread_join(w->tid, NULL);
    pthread_cond_destroy(&w->wake);
    pthread_mutex_destroy(&w->lock);
}

void queue_exit(struct queue *q);
void queue_exit(struct queue *q)
{
    for (int i = 0; i < q->nworkers; i++) {
        struct worker *w = &q->workers[i];
        pthread_mutex_lock(&w->lock);
        w->flags |= F_EXIT;
        pthread_cond_signal(&w->wake);
        pthread_mutex_unlock(&w->lock);
    }
    int reaped;
    do {
        reaped = 0;
        for (int i = 0; i < q->nworkers; i++) {
            struct worker *w = &q->workers[i];
            if (w->flags & F_REAPED)
                continue;
            w->flags |= F_REAPED;
            reap_worker(w);
            reaped++;
        }
    } while (reaped && reaped != q->nworkers);
    free(q->workers);
    q->workers = NULL;
}

int queue_start(struct queue *q, int n);
int queue_start(struct queue *q, int n)
{
    q->workers = calloc((size_t)n, sizeof *q->workers);
    if (q->workers == NULL)
        return -1;
    q->nworkers = n;
    for (int i = 0; i < n; i++) {
        struct worker *w = &q->workers[i];
        pthread_mutex_init(&w->lock, NULL);
        pthread_cond_init(&w->wake, NULL);
        if (pthread_create(&w->tid, NULL, worker_loop, w) != 0) {
            q->nworkers = i;
            queue_exit(q);
            return -1;
        }
    }
    return 0;
}
