/* Pattern: worker 0 sets a shared limit while the other workers read it.
 * Verdict: racy. The other instances read the limit while worker 0 writes
 * it.
 */
// class: instance-id
#include <pthread.h>

static int limit;
static long used[4];

static void *worker(void *arg)
{
    long id = (long)arg;
    if ((long)arg == 0)
        limit = 100; // expect: CL002
    else
        used[id] = limit;
    return NULL;
}

int main(void)
{
    pthread_t t[4];
    for (long i = 0; i < 4; i++)
        pthread_create(&t[i], NULL, worker, (void *)i);
    for (int i = 0; i < 4; i++)
        pthread_join(t[i], NULL);
    return limit;
}
