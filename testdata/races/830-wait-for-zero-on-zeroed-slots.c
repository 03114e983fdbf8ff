/* Pattern: a wait-for-each loop that waits for every worker to clear its
 * `busy` flag, on workers allocated with calloc: the creator forgot to
 * set `busy` before starting them, so the flag is already 0.
 * Verdict: racy. Each round of main's loop can pass on the zero calloc
 * left, before the worker wrote its table size, which main then reads.
 */
// class: condvar-handshake
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

struct worker {
    pthread_t tid;
    pthread_mutex_t mu;
    pthread_cond_t cv;
    int busy;
    int table_size;
};

static void *warm_up(void *arg)
{
    struct worker *w = arg;
    w->table_size = 1024; // expect: CL002
    pthread_mutex_lock(&w->mu);
    w->busy = 0;
    pthread_cond_broadcast(&w->cv);
    pthread_mutex_unlock(&w->mu);
    return NULL;
}

int main(int argc, char **argv)
{
    (void)argv;
    int n = argc + 2;
    struct worker *ws = calloc((size_t)n, sizeof *ws);
    for (int i = 0; i < n; i++) {
        pthread_mutex_init(&ws[i].mu, NULL);
        pthread_cond_init(&ws[i].cv, NULL);
        pthread_create(&ws[i].tid, NULL, warm_up, &ws[i]);
    }
    for (int i = 0; i < n; i++) {
        pthread_mutex_lock(&ws[i].mu);
        while (ws[i].busy != 0)
            pthread_cond_wait(&ws[i].cv, &ws[i].mu);
        pthread_mutex_unlock(&ws[i].mu);
    }
    long total = 0;
    for (int i = 0; i < n; i++)
        total += ws[i].table_size;
    printf("%ld\n", total);
    for (int i = 0; i < n; i++)
        pthread_join(ws[i].tid, NULL);
    free(ws);
    return 0;
}
