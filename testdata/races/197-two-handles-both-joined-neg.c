/* Pattern: an encoder and a muxer thread whose handles live in the fields
 * of one heap-allocated job; both are joined before the results are read.
 * Verdict: race-free. Each thread fills its own output field without a
 * lock; main reads both after joining both handles.
 */
// class: join-coverage
// expect-none
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

struct job {
    pthread_t encoder, muxer;
    int frames, packets;
};

static int encoded_frames, muxed_packets;

static void *encode(void *arg)
{
    struct job *j = arg;
    for (int f = 0; f < j->frames; f++)
        encoded_frames++;
    return NULL;
}

static void *mux(void *arg)
{
    struct job *j = arg;
    muxed_packets = j->packets * 188;
    return NULL;
}

int main(void)
{
    struct job *j = calloc(1, sizeof *j);
    if (j == NULL)
        return 1;
    j->frames = 25;
    j->packets = 7;
    pthread_create(&j->encoder, NULL, encode, j);
    pthread_create(&j->muxer, NULL, mux, j);
    pthread_join(j->muxer, NULL);
    pthread_join(j->encoder, NULL);
    printf("%d %d\n", encoded_frames, muxed_packets);
    free(j);
    return 0;
}
