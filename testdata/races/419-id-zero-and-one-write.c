/* Pattern: worker 0 and worker 1 each set the shared mode, with different
 * values.
 * Verdict: racy. Two different instances write the same global.
 */
// class: instance-id
#include <pthread.h>

static int mode;

static void *worker(void *arg)
{
    if ((long)arg == 0)
        mode = 1; // expect: CL002
    if ((long)arg == 1)
        mode = 2;
    return NULL;
}

int main(void)
{
    pthread_t t[2];
    for (long i = 0; i < 2; i++)
        pthread_create(&t[i], NULL, worker, (void *)i);
    for (int i = 0; i < 2; i++)
        pthread_join(t[i], NULL);
    return mode;
}
