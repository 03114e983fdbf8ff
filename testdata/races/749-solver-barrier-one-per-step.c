/* Pattern: the solver of 748 with the second barrier of each step
 * removed (it looked redundant).
 * Verdict: racy. A worker that leaves the barrier starts the next step
 * and writes its cells while a slower worker is still folding the vector of the
 * step before.
 */
// class: barrier
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
            next[c] = c * 0.5 + step; // expect: CL002
        gbarrier_wait(&step_barrier);
        double r = 0;
        for (int c = 0; c < NCELLS; c++)
            r += next[c] * (c % NWORKERS == id ? 2 : 1);
        partial[id] = r;
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
