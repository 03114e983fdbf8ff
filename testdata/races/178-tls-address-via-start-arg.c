/* Pattern: the address of a _Thread_local counter given to a thread.
 * Verdict: racy. main's instance of `tl_count` is handed to the worker as
 * its start argument; the worker increments it through the pointer while
 * main keeps incrementing its own copy, which is the same object.
 */
// class: thread-local-escape
#include <pthread.h>
#include <stdio.h>

static _Thread_local long tl_count;

static void *worker(void *arg)
{
    long *count = arg;
    for (int i = 0; i < 1000; i++)
        (*count)++; // expect: CL002 {{write to '*count' in 'worker'}}
    return NULL;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, worker, &tl_count);
    for (int i = 0; i < 1000; i++)
        tl_count++; // expect-related: CL002 {{conflicting write of 'tl_count' in 'main'}}
    pthread_join(t, NULL);
    printf("%ld\n", tl_count);
    return 0;
}
