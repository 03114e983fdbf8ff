/* Pattern: as a leader-only write, but every worker is started with the
 * same argument 0.
 * Verdict: racy. All instances pass the test and write the global.
 */
// class: instance-id
#include <pthread.h>

static long start_time;

static void *worker(void *arg)
{
    if ((long)arg == 0)
        start_time++; // expect: CL002
    return NULL;
}

int main(void)
{
    pthread_t t[4];
    for (long i = 0; i < 4; i++)
        pthread_create(&t[i], NULL, worker, (void *)0);
    for (int i = 0; i < 4; i++)
        pthread_join(t[i], NULL);
    return (int)start_time;
}
