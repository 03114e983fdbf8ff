/* Pattern: the report helper of 60 called with a non-zero first argument:
 * report_end(1, sig) skips the abort() branch and returns after raise()
 * (a signal that may be caught), so log_failure() is ordinary code that
 * the workers (started in a loop) run concurrently.
 * Verdict: racy: `failures++` in log_failure runs in several worker
 * instances without a lock.
 */
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>

#define NT 4
static long failures;

static void report_end(int by_signal, int sig)
{
    fprintf(stderr, "=== end of report ===\n");
    if (!by_signal) {
        fflush(stderr);
        abort();
    }
    signal(sig, SIG_DFL);
    raise(sig);
}

static void log_failure(const char *what)
{
    failures++; // expect: CL002
    fprintf(stderr, "failure: %s\n", what);
    report_end(1, SIGUSR1);
}

static void *worker(void *arg)
{
    if (arg == NULL)
        log_failure("no argument");
    return NULL;
}

int main(void)
{
    pthread_t t[NT];
    signal(SIGUSR1, SIG_IGN);
    for (int i = 0; i < NT; i++)
        pthread_create(&t[i], NULL, worker, NULL);
    for (int i = 0; i < NT; i++)
        pthread_join(t[i], NULL);
    printf("%ld\n", failures);
    return 0;
}
