/* The workers read the options parse_opts() set before they started. */
// expect-none
#include <pthread.h>
#include <stdio.h>

#include "opts.h"

static void *worker(void *arg)
{
    if (opt_verbose)
        fprintf(stderr, "worker %ld up\n", (long)arg);
    return NULL;
}

int main(int argc, char **argv)
{
    pthread_t t[4];
    parse_opts(argc, argv);
    for (long i = 0; i < 4; i++)
        pthread_create(&t[i], NULL, worker, (void *)i);
    for (int i = 0; i < 4; i++)
        pthread_join(t[i], NULL);
    return 0;
}
