/* Pattern: a crash handler that returns early when a crash report is
 * already being written (`if (in_report) return;`) and aborts otherwise.
 * It does not end the process on every path, so its accesses are ordinary
 * concurrent code; so is the write before the call in the worker.
 * Verdict: racy: the test and `in_report = 1` in crash_report and `errors++` in the
 * worker run in several worker instances without a lock. The test and the
 * write of `in_report` in crash_report are one check-then-act, one finding.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

#define NT 3
static int in_report;
static long errors;

static void crash_report(const char *why)
{
    if (in_report) // expect-related: CL002 {{conflicting read of 'in_report' in 'crash_report'}}
        return;
    in_report = 1; // expect: CL002
    fprintf(stderr, "crash: %s\n", why);
    abort();
}

static void *worker(void *arg)
{
    if (arg == NULL) {
        errors++; // expect: CL002
        crash_report("no argument");
    }
    return NULL;
}

int main(void)
{
    pthread_t t[NT];
    for (int i = 0; i < NT; i++)
        pthread_create(&t[i], NULL, worker, NULL);
    for (int i = 0; i < NT; i++)
        pthread_join(t[i], NULL);
    printf("%ld\n", errors);
    return 0;
}
