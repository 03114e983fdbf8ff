/* Pattern: main starts a worker that updates statistics and ends the
 * process with _exit(0) without joining it; a destructor function would
 * print the statistics.
 * Verdict: race-free. _exit() ends the process without running the
 * destructor functions (unlike exit()), so nothing reads the statistics
 * while the worker runs.
 */
// class: exit-destructors
// expect-none
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

static unsigned long requests;

static void *serve(void *arg)
{
    for (;;) {
        requests++;
        usleep(1000);
    }
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
        return 1;
    getchar(); /* until the operator presses enter */
    _exit(0);
}
