/* Pattern: main joins its worker on the normal path, but an error path
 * after the spawn calls exit(EXIT_FAILURE) with the worker still running;
 * a destructor function closes the shared log the worker writes to.
 * Verdict: racy. On the error path exit() runs the destructor, which
 * writes `log_fp` while the unjoined worker reads it.
 */
// class: exit-destructors
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

static FILE *log_fp;

static void *logger(void *arg)
{
    for (int i = 0; i < 100; i++)
        if (log_fp != NULL) // expect: CL002
            fputs("tick\n", stderr);
    return arg;
}

__attribute__((destructor)) static void close_log(void)
{
    log_fp = NULL;
}

int main(int argc, char **argv)
{
    (void)argv;
    pthread_t t;
    log_fp = stderr;
    pthread_create(&t, NULL, logger, NULL);
    if (argc > 3) {
        fprintf(stderr, "usage: too many arguments\n");
        exit(EXIT_FAILURE);
    }
    pthread_join(t, NULL);
    return 0;
}
