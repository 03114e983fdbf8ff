/* Pattern: a helper starts a group of workers numbered from 0; main calls
 * it twice before joining, so two workers have index 0, and worker 0
 * bumps a generation counter.
 * Verdict: racy. The two index-0 workers of the two groups write at once.
 */
// class: instance-id
#include <pthread.h>

static long generation;
static pthread_t pool[2][3];

static void *worker(void *arg)
{
    if ((long)arg == 0)
        generation++; // expect: CL002
    return NULL;
}

static void start_group(int g)
{
    for (long i = 0; i < 3; i++)
        pthread_create(&pool[g][i], NULL, worker, (void *)i);
}

int main(void)
{
    start_group(0);
    start_group(1);
    for (int g = 0; g < 2; g++)
        for (int i = 0; i < 3; i++)
            pthread_join(pool[g][i], NULL);
    return (int)generation;
}
