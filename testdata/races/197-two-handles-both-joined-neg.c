/* Pattern: two threads in the fields of one heap struct, both joined
 * before the results are read.
 * Verdict: race-free. The reader and the flusher write their own counters
 * without locks; main reads them after joining both handles.
 */
// class: join-coverage
// expect-none
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

struct pipeline {
    pthread_t reader;
    pthread_t flusher;
};

static long read_bytes, flushed_bytes;

static void *reader_main(void *arg)
{
    for (int i = 0; i < 64; i++)
        read_bytes += 512;
    return arg;
}

static void *flusher_main(void *arg)
{
    for (int i = 0; i < 64; i++)
        flushed_bytes += 512;
    return arg;
}

int main(void)
{
    struct pipeline *p = malloc(sizeof *p);
    if (p == NULL)
        return 1;
    pthread_create(&p->reader, NULL, reader_main, NULL);
    pthread_create(&p->flusher, NULL, flusher_main, NULL);
    pthread_join(p->reader, NULL);
    pthread_join(p->flusher, NULL);
    printf("%ld %ld\n", read_bytes, flushed_bytes);
    free(p);
    return 0;
}
