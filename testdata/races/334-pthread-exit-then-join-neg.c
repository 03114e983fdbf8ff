/* Pattern: the worker ends with pthread_exit (from a helper on its error
 * path, or at the end) after storing its result in a global; main reads
 * the result after pthread_join.
 * Verdict: race-free. pthread_exit ends the thread; the join orders its
 * writes before main's read.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

// class: pthread-exit
// expect-none

static int status_code;

static void bail(int code)
{
    status_code = code;
    pthread_exit(NULL);
}

static void *job(void *arg)
{
    if (arg == NULL)
        bail(2);
    status_code = 0;
    pthread_exit(arg);
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, job, NULL);
    pthread_join(t, NULL);
    printf("%d\n", status_code);
    return 0;
}
