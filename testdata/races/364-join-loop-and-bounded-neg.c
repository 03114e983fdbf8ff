/* Pattern: a parallel checksum tool: the worker count comes from the
 * command line and is capped by the size of the thread table, so both
 * the spawn loop and the join loop are bounded by `i < nworkers && i <
 * MAX_WORKERS`. Each worker fills its own result slot; main adds them up
 * once every worker is joined. Found by a fresh-eyes trial (issue 11): a
 * loop whose condition is an `&&` chain had an unknown bound, so the walk
 * also took the path where the join loop runs no round and the workers
 * were still live at the sum.
 * Verdict: race-free. The join loop runs the same rounds as the spawn
 * loop and joins every worker before main reads the slots.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

// class: join-loop-bounds
// expect-none

#define MAX_WORKERS 16

struct job {
    int id;
    unsigned long sum;
};

static struct job jobs[MAX_WORKERS];
static unsigned long grand_total;

static void *checksum_main(void *arg)
{
    struct job *j = arg;
    for (unsigned long k = 0; k < 1000; k++)
        j->sum += k * (unsigned long)j->id;
    return NULL;
}

int main(int argc, char **argv)
{
    pthread_t tid[MAX_WORKERS];
    int nworkers = argc > 1 ? atoi(argv[1]) : 4;
    int i;

    for (i = 0; i < nworkers && i < MAX_WORKERS; i++) {
        jobs[i].id = i;
        pthread_create(&tid[i], NULL, checksum_main, &jobs[i]);
    }
    for (i = 0; i < nworkers && i < MAX_WORKERS; i++)
        pthread_join(tid[i], NULL);
    for (i = 0; i < MAX_WORKERS; i++)
        grand_total += jobs[i].sum;
    printf("%lu\n", grand_total);
    return 0;
}
