/* Pattern: read-mostly configuration set before the threads start.
 * Verdict: race-free. main parses the configuration into `cfg` before any
 * pthread_create; afterwards the workers only read it and nobody writes it.
 * pthread_create orders the writes before everything the threads do.
 */
// expect-none
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#define NT 4
static struct { int port; int backlog; char name[32]; } cfg;

static void *worker(void *arg)
{
    long n = cfg.port + cfg.backlog + (long)strlen(cfg.name);
    return n > 0 ? arg : NULL;
}

int main(int argc, char **argv)
{
    cfg.port = argc > 1 ? atoi(argv[1]) : 8080;
    cfg.backlog = 128;
    strncpy(cfg.name, argc > 2 ? argv[2] : "srv", sizeof cfg.name - 1);
    pthread_t t[NT];
    for (int i = 0; i < NT; i++)
        pthread_create(&t[i], NULL, worker, NULL);
    for (int i = 0; i < NT; i++)
        pthread_join(t[i], NULL);
    return 0;
}
