/* A volatile counter incremented by several workers: `hits++` on a
 * volatile is a read-modify-write that loses updates, a data race whose
 * fix is an atomic fetch-add or a lock, not a flag. CL002 reports it;
 * CL013 (volatile-as-sync) does not, so the race has one finding.
 */
#include <pthread.h>
#include <stdio.h>

#define NWORKERS 4

static volatile unsigned long g_hits;

static void *worker(void *arg)
{
    (void)arg;
    for (int i = 0; i < 100000; i++)
        g_hits++; // expect: CL002 {{races with itself}}
    return NULL;
}

int main(void)
{
    pthread_t t[NWORKERS];
    for (int i = 0; i < NWORKERS; i++)
        pthread_create(&t[i], NULL, worker, NULL);
    for (int i = 0; i < NWORKERS; i++)
        pthread_join(t[i], NULL);
    printf("%lu\n", g_hits);
    return 0;
}
