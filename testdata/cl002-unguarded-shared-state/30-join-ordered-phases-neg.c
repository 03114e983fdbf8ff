/* CL002 negative: ordering by join. A two-phase build: main sets the job
 * list, runs the compile phase, joins all its threads, then rewrites the
 * shared state and runs the link phase. Every unlocked access in main is
 * before a create or after the join of every thread touching that state.
 */
// expect-none
#include <pthread.h>
#include <stdio.h>

#define NJOBS 4

static const char *phase_name;
static int failures[NJOBS];
static unsigned total_failed;

static void *compile_main(void *arg)
{
    int *slot = arg;
    *slot = phase_name[0] == 'c' ? 0 : 1;
    return NULL;
}

static void *link_main(void *arg)
{
    (void)arg;
    if (total_failed > 0)
        fprintf(stderr, "%s: skipping, %u failed\n", phase_name, total_failed);
    return NULL;
}

int main(void)
{
    pthread_t tids[NJOBS], linker;
    phase_name = "compile";
    for (int i = 0; i < NJOBS; i++)
        pthread_create(&tids[i], NULL, compile_main, &failures[i]);
    for (int i = 0; i < NJOBS; i++)
        pthread_join(tids[i], NULL);
    for (int i = 0; i < NJOBS; i++)
        total_failed += (unsigned)failures[i];
    phase_name = "link";
    pthread_create(&linker, NULL, link_main, NULL);
    pthread_join(linker, NULL);
    total_failed = 0;
    phase_name = NULL;
    return 0;
}
