/* CL013 negative: the worker stores a volatile status word and then posts
 * a semaphore; main waits on the semaphore before it reads the status. The
 * semaphore orders the two accesses (sem_post / sem_wait synchronize), so
 * volatile is not what synchronizes them.
 */
// expect-none
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>

static sem_t g_done;
static volatile int g_status;

static void *probe(void *arg)
{
    (void)arg;
    g_status = 200;
    sem_post(&g_done);
    return NULL;
}

int main(void)
{
    pthread_t t;
    sem_init(&g_done, 0, 0);
    if (pthread_create(&t, NULL, probe, NULL) != 0)
        return 1;
    pthread_detach(t);
    sem_wait(&g_done);
    printf("status %d\n", g_status);
    return 0;
}
