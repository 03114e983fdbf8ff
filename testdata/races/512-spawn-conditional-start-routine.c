/* Pattern: the start routine is chosen by a conditional expression in the
 * pthread_create call (`verbose ? run_verbose : run_quiet`); either routine
 * counts processed items in a global, and main prints the count before
 * joining.
 * Verdict: racy. Whichever routine starts, it writes `processed` while
 * main reads it.
 */
// class: conditional-start-routine
#include <pthread.h>
#include <stdio.h>
#include <string.h>

static unsigned long processed;

static void *run_quiet(void *arg)
{
    for (int i = 0; i < 100; i++)
        processed++; // expect: CL002
    return arg;
}

static void *run_verbose(void *arg)
{
    for (int i = 0; i < 100; i++) {
        printf("item %d\n", i);
        processed++; // expect: CL002
    }
    return arg;
}

int main(int argc, char **argv)
{
    int verbose = argc > 1 && strcmp(argv[1], "-v") == 0;
    pthread_t t;
    pthread_create(&t, NULL, verbose ? run_verbose : run_quiet, NULL);
    printf("so far %lu\n", processed);
    pthread_join(t, NULL);
    return 0;
}
