/* Pattern: a library keeps statistics that a destructor function
 * (`__attribute__((destructor))`) prints and resets at process exit; main
 * starts a worker that updates them, never joins it, and ends with
 * exit(0) instead of returning.
 * Verdict: racy. exit() runs the destructor on the main thread, as a
 * return from main does, while the worker may still update the stats.
 */
// class: exit-destructors
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static unsigned long requests;

static void *serve(void *arg)
{
    for (;;) {
        requests++; // expect: CL002
        usleep(1000);
    }
    return arg;
}

__attribute__((destructor)) static void dump_stats(void)
{
    fprintf(stderr, "requests: %lu\n", requests);
    requests = 0;
}

int main(void)
{
    pthread_t t;
    if (pthread_create(&t, NULL, serve, NULL) != 0)
        return 1;
    getchar(); /* until the operator presses enter */
    exit(0);
}
