/* CL002 positive: a function-scope static. next_request_id() bumps its
 * static `seq` with no lock; every worker (started in a loop) calls it, so
 * the increment races with itself. Only one access exists.
 */
#include <pthread.h>
#include <stdio.h>

#define NWORKERS 4

static unsigned long next_request_id(void)
{
    static unsigned long seq;
    return ++seq; // expect: CL002
}

static void *worker_main(void *arg)
{
    const char *name = arg;
    char tag[64];
    for (int i = 0; i < 1000; i++)
        snprintf(tag, sizeof tag, "%s-%lu", name, next_request_id());
    return NULL;
}

int main(void)
{
    static const char *const names[NWORKERS] = { "a", "b", "c", "d" };
    pthread_t tids[NWORKERS];
    for (int i = 0; i < NWORKERS; i++)
        pthread_create(&tids[i], NULL, worker_main, (void *)names[i]);
    for (int i = 0; i < NWORKERS; i++)
        pthread_join(tids[i], NULL);
    return 0;
}
