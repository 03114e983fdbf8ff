/* Pattern: function-scope static variable.
 * Verdict: racy. next_request_id() keeps its counter in a static local and
 * is called from every worker (started in a loop) without a lock.
 */
#include <pthread.h>
#include <stdio.h>

#define NT 4

static unsigned next_request_id(void)
{
    static unsigned seq;
    return ++seq; // expect: CL002
}

static void *worker(void *arg)
{
    unsigned last = 0;
    for (int i = 0; i < 1000; i++)
        last = next_request_id();
    printf("%u\n", last);
    return arg;
}

int main(void)
{
    pthread_t t[NT];
    for (int i = 0; i < NT; i++)
        pthread_create(&t[i], NULL, worker, NULL);
    for (int i = 0; i < NT; i++)
        pthread_join(t[i], NULL);
    return 0;
}
