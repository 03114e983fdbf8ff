/* Pattern: two helper threads, a flag for only one of them: the
 * compactor's start is recorded in `compactor_up` and joined under it,
 * the flusher is started unconditionally and detached.
 * Verdict: racy. The flag's join covers the compactor only; the flusher
 * still writes `dirty_pages` when main reads it at shutdown.
 */
#include <pthread.h>
#include <stdio.h>

// class: join-flag-guard

static long dirty_pages;

static void *flusher_main(void *arg)
{
    (void)arg;
    for (int i = 0; i < 1000; i++)
        dirty_pages--; // expect: CL002 {{races with read in 'main'}}
    return NULL;
}

static void *compactor_main(void *arg)
{
    (void)arg;
    return NULL;
}

int main(void)
{
    pthread_t compactor, flusher;
    int compactor_up = 0;

    if (pthread_create(&compactor, NULL, compactor_main, NULL) == 0)
        compactor_up = 1;
    if (pthread_create(&flusher, NULL, flusher_main, NULL) == 0)
        pthread_detach(flusher);
    if (compactor_up)
        pthread_join(compactor, NULL);
    printf("%ld\n", dirty_pages); // expect-related: CL002
    return 0;
}
