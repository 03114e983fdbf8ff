/* Pattern: a parallel solver with its own reusable barrier (a mutex, a
 * condition variable, an arrival count and a generation number, as in
 * code written before pthread barriers were portable). Each step, every
 * worker updates its own cells of the next vector, meets the others at
 * the barrier, folds the whole vector into its own partial residual, and
 * meets the others again before the next step.
 * Verdict: race-free. The writes of a step and the folding reads are in
 * different phases of the barrier; the partial residuals are read by main
 * after the joins.
 */
// class: barrier
// expect-none
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>

#define NWORKERS 4
#define NCELLS 64
#define NSTEPS 20

struct gbarrier {
    pthread_mutex_t mu;
    pthread_cond_t cv;
    unsigned arrived, parties;
    unsigned long generation;
};

static struct gbarrier step_barrier = { PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, 0, NWORKERS, 0 };
static double next[NCELLS];
static double partial[NWORKERS];

static void gbarrier_wait(struct gbarrier *b)
{
    pthread_mutex_lock(&b->mu);
    unsigned long gen = b->generation;
    if (++b->arrived == b->parties) {
        b->arrived = 0;
        b->generation++;
        pthread_cond_broadcast(&b->cv);
    } else {
        while (gen == b->generation)
            pthread_cond_wait(&b->cv, &b->mu);
    }
    pthread_mutex_unlock(&b->mu);
}

static void *solver(void *arg)
{
    int id = (int)(intptr_t)arg;
    for (int step = 0; step < NSTEPS; step++) {
        for (int c = id; c < NCELLS; c += NWORKERS)
            next[c] = c * 0.5 + step;
        gbarrier_wait(&step_barrier);
        double r = 0;
        for (int c = 0; c < NCELLS; c++)
            r += next[c] * (c % NWORKERS == id ? 2 : 1);
        partial[id] = r;
        gbarrier_wait(&step_barrier);
    }
    return NULL;
}

int main(void)
{
    pthread_t t[NWORKERS];
    for (int i = 0; i < NWORKERS; i++)
        pthread_create(&t[i], NULL, solver, (void *)(intptr_t)i);
    for (int i = 0; i < NWORKERS; i++)
        pthread_join(t[i], NULL);
    for (int i = 0; i < NWORKERS; i++)
        printf("%f\n", partial[i]);
    return 0;
}
