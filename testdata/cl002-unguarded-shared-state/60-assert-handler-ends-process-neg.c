/* Pattern: a crash path. Worker threads (started in a loop) check an
 * invariant; when it fails they call fatal(), which dumps the statistics
 * without the lock, counts the crash, and ends with report_end(0): with a
 * constant 0 its `if (!by_signal)` branch is taken and abort() ends the
 * process on every path.
 * Verdict: race-free as far as CL002 reports: what a dying process does on
 * its way out is not walked (docs/rules.md, CL002 limits).
 */
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>

#define NT 4
static pthread_mutex_t stats_lock = PTHREAD_MUTEX_INITIALIZER;
static long served, crashes;

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

static void fatal(const char *what)
{
    crashes++;
    fprintf(stderr, "assertion failed: %s, served %ld\n", what, served);
    report_end(0, 0);
}

static void *worker(void *arg)
{
    long n = (long)arg;
    pthread_mutex_lock(&stats_lock);
    served += n;
    pthread_mutex_unlock(&stats_lock);
    if (n < 0)
        fatal("n >= 0"); // expect-none
    return NULL;
}

int main(void)
{
    pthread_t t[NT];
    for (long i = 0; i < NT; i++)
        pthread_create(&t[i], NULL, worker, (void *)i);
    for (int i = 0; i < NT; i++)
        pthread_join(t[i], NULL);
    if (served > 1000)
        fatal("served <= 1000");
    printf("%ld %ld\n", served, crashes);
    return 0;
}
