/* Pattern: global reached through a pointer passed as the start argument.
 * Verdict: racy. main passes &counters to every worker; the workers
 * increment counters.ok through the pointer without a lock. The workers
 * are started in a loop, so the update races with itself.
 */
#include <pthread.h>
#include <stdio.h>

#define NT 4
struct counters { long ok, failed; };
static struct counters counters;

static void *worker(void *arg)
{
    struct counters *c = arg;
    for (int i = 0; i < 1000; i++)
        c->ok++; // expect: CL002
    return NULL;
}

int main(void)
{
    pthread_t t[NT];
    for (int i = 0; i < NT; i++)
        pthread_create(&t[i], NULL, worker, &counters);
    for (int i = 0; i < NT; i++)
        pthread_join(t[i], NULL);
    printf("%ld %ld\n", counters.ok, counters.failed);
    return 0;
}
