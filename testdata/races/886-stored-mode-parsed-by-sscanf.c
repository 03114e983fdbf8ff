/* Pattern: a default mode stored, then parsed from the command line with
 * sscanf into the same global, then a test of it that starts a helper.
 * Verdict: racy: the parsed mode can start the helper, whose counter
 * update races with main's. A write through the global's address (a
 * library call) is a write too.
 */
// class: stored-mode
#include <pthread.h>
#include <stdio.h>
enum { M_SERIAL, M_PARALLEL };
static int run_mode;
static long counter;

static void *helper(void *arg)
{
    (void)arg;
    counter++; // expect: CL002
    return NULL;
}

int main(int argc, char **argv)
{
    pthread_t t;
    run_mode = M_SERIAL;
    if (argc > 1)
        sscanf(argv[1], "%d", &run_mode);
    if (run_mode == M_PARALLEL) {
        if (pthread_create(&t, NULL, helper, NULL) == 0)
            pthread_detach(t);
    }
    counter++;
    return 0;
}
