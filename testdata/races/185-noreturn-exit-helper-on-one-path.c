/* Pattern: a helper that ends the thread with pthread_exit, called on one
 * path only.
 * Verdict: racy. quit_worker() never returns, but the worker calls it
 * only when its queue is empty; on the other path it goes on to update
 * `served` without a lock, racing with the other instances.
 */
// class: noreturn-setjmp
#include <pthread.h>
#include <stdio.h>

static long served;
static int pending[4] = { 1, 0, 2, 3 };

static void quit_worker(int code)
{
    pthread_exit((void *)(long)code);
}

static void *worker(void *arg)
{
    int *queue = arg;
    if (*queue == 0)
        quit_worker(0);
    served += *queue; // expect: CL002 {{write to 'served' in 'worker'}}
    return NULL;
}

int main(void)
{
    pthread_t t[4];
    for (int i = 0; i < 4; i++)
        pthread_create(&t[i], NULL, worker, &pending[i]);
    for (int i = 0; i < 4; i++)
        pthread_join(t[i], NULL);
    printf("%ld\n", served);
    return 0;
}
