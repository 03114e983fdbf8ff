/* Pattern: barrier phases over a heap-allocated grid reached through the
 * start argument, the barrier a field of the same context, waited on
 * through a helper.
 * Verdict: race-free. Each worker fills its own row of ctx->cur, meets the
 * others at the barrier (sync_phase), then reads the row below, which no
 * one writes after the barrier. Every party waits once.
 */
// class: barrier
// expect-none
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

#define ROWS 4

struct grid {
    pthread_barrier_t step;
    int cur[ROWS][8];
    long sums[ROWS];
};

struct job {
    struct grid *g;
    int row;
};

static void sync_phase(struct grid *g)
{
    pthread_barrier_wait(&g->step);
}

static void *row_worker(void *arg)
{
    struct job *j = arg;
    struct grid *g = j->g;
    for (int c = 0; c < 8; c++)
        g->cur[j->row][c] = j->row * 8 + c;
    sync_phase(g);
    long s = 0;
    for (int c = 0; c < 8; c++)
        s += g->cur[(j->row + 1) % ROWS][c];
    g->sums[j->row] = s;
    return NULL;
}

int main(void)
{
    struct grid *g = calloc(1, sizeof *g);
    struct job jobs[ROWS];
    pthread_t t[ROWS];
    if (g == NULL)
        return 1;
    pthread_barrier_init(&g->step, NULL, ROWS);
    for (int i = 0; i < ROWS; i++) {
        jobs[i].g = g;
        jobs[i].row = i;
        pthread_create(&t[i], NULL, row_worker, &jobs[i]);
    }
    for (int i = 0; i < ROWS; i++)
        pthread_join(t[i], NULL);
    printf("%ld\n", g->sums[0]);
    pthread_barrier_destroy(&g->step);
    free(g);
    return 0;
}
