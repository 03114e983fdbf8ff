/* Pattern: a destructor function prints statistics at exit; main joins
 * the worker that updates them and then ends with exit(0).
 * Verdict: race-free. The worker is joined before exit() runs the
 * destructor.
 */
// class: exit-destructors
// expect-none
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

static unsigned long requests;

static void *serve(void *arg)
{
    for (int i = 0; i < 1000; i++)
        requests++;
    return arg;
}

__attribute__((destructor)) static void dump_stats(void)
{
    fprintf(stderr, "requests: %lu\n", requests);
}

int main(void)
{
    pthread_t t;
    if (pthread_create(&t, NULL, serve, NULL) != 0)
        exit(1);
    pthread_join(t, NULL);
    exit(0);
}
