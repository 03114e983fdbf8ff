/* Pattern: a start-up thread ("manager") launches the worker pool and
 * returns; main joins the manager and then resets the statistics the
 * workers update.
 * Verdict: racy. Joining the manager does not join the threads it
 * started: they never were joined and still run when main writes.
 */
// class: transitive-join
#include <pthread.h>
#include <stdio.h>

#define NWORKERS 4
static unsigned long served;

static void *worker(void *arg)
{
    for (int i = 0; i < 1000; i++)
        served++; // expect: CL002
    return arg;
}

static void *manager(void *arg)
{
    pthread_t t;
    for (int i = 0; i < NWORKERS; i++) {
        if (pthread_create(&t, NULL, worker, NULL) != 0)
            return NULL;
        pthread_detach(t);
    }
    return arg;
}

int main(void)
{
    pthread_t m;
    if (pthread_create(&m, NULL, manager, NULL) != 0)
        return 1;
    pthread_join(m, NULL);
    served = 0;
    printf("reset\n");
    return 0;
}
