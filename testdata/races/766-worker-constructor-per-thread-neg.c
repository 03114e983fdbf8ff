/* Pattern: a thread pool gives each worker its own context, built by
 * worker_new() in the spawn loop and handed to the thread it starts; the
 * worker updates its counters without a lock, and the creator reads them
 * only after joining every worker.
 * Verdict: race-free. Each context is allocated in its own round of the
 * spawn loop and passed to one thread only; the creator touches them
 * again only after the joins.
 */
// expect-none
// class: heap-ownership
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

#define NWORKERS 4

struct worker {
    int id;
    long done;
    pthread_t tid;
};

static struct worker *worker_new(int id)
{
    struct worker *w = calloc(1, sizeof *w);
    if (w != NULL)
        w->id = id;
    return w;
}

static void *work(void *arg)
{
    struct worker *w = arg;
    for (int i = 0; i < 1000; i++)
        w->done += w->id;
    return NULL;
}

int main(void)
{
    struct worker *pool[NWORKERS];
    long total = 0;
    for (int i = 0; i < NWORKERS; i++) {
        struct worker *w = worker_new(i);
        if (w == NULL)
            return 1;
        pool[i] = w;
        pthread_create(&w->tid, NULL, work, w);
    }
    for (int i = 0; i < NWORKERS; i++) {
        pthread_join(pool[i]->tid, NULL);
        total += pool[i]->done;
    }
    printf("%ld\n", total);
    return 0;
}
