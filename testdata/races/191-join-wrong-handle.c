/* Pattern: two threads kept in the fields of one struct; the shutdown
 * code joins the same field twice (a copy-paste slip) and never the other.
 * Verdict: racy. The flusher thread (handle `pipe.flusher`) is never
 * joined: its unlocked write to `flushed_bytes` races with main's read.
 */
// class: join-coverage
#include <pthread.h>
#include <stdio.h>

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
        flushed_bytes += 512; // expect: CL002
    return arg;
}

int main(void)
{
    struct pipeline pipe;
    pthread_create(&pipe.reader, NULL, reader_main, NULL);
    pthread_create(&pipe.flusher, NULL, flusher_main, NULL);
    pthread_join(pipe.reader, NULL);
    pthread_join(pipe.reader, NULL); // expect: CL011 {{joined twice}}
    printf("%ld %ld\n", read_bytes, flushed_bytes);
    return 0;
}
