/* Pattern: pixz's pipeline: main starts nprocs workers into a handle
 * array, then a coordinator thread that joins them all in a loop over the
 * same count; main joins the coordinator and then frees what the workers
 * read.
 * Verdict: race-free. Every worker ended before the coordinator did, and
 * main's join of the coordinator orders its free after them.
 */
// class: join
// expect-none
#include <pthread.h>
#include <stdlib.h>

static pthread_t *procs, coordinator;
static size_t nprocs;
static int *shared;

static void *worker(void *arg)
{
    return (void *)(long)(shared[0] + (arg != NULL));
}

static void *coordinate(void *arg)
{
    (void)arg;
    for (size_t i = 0; i < nprocs; ++i)
        pthread_join(procs[i], NULL);
    return NULL;
}

int main(int argc, char **argv)
{
    (void)argv;
    nprocs = (size_t)argc;
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
