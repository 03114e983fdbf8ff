/* Pattern: the twin of 841 where the coordinator's join loop runs up to
 * another count (`nready`, which main sets lower than the workers
 * started), so the workers past it may still run when main frees.
 * Verdict: racy.
 */
// class: join
#include <pthread.h>
#include <stdlib.h>

static pthread_t *procs, coordinator;
static size_t nprocs, nready;
static int *shared;

static void *worker(void *arg)
{
    return (void *)(long)(shared[0] + (arg != NULL)); // expect: CL002
}

static void *coordinate(void *arg)
{
    (void)arg;
    for (size_t i = 0; i < nready; ++i)
        pthread_join(procs[i], NULL);
    return NULL;
}

int main(int argc, char **argv)
{
    (void)argv;
    nprocs = (size_t)argc;
    nready = nprocs / 2;
    shared = calloc(1, sizeof *shared);
    procs = malloc(nprocs * sizeof *procs);
    if (shared == NULL || procs == NULL)
        return 1;
    for (size_t i = 0; i < nprocs; ++i)
        pthread_create(&procs[i], NULL, worker, NULL);
    pthread_create(&coordinator, NULL, coordinate, NULL);
    pthread_join(coordinator, NULL);
    free(shared);
    free(procs);
    return 0;
}
