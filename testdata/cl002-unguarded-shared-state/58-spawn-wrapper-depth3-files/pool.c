/* CL002 multi-file case 58, program 1 (positive): a pool of decoders
 * started through thr_spawn_named() from thr.c (three wrappers deep, in
 * another file). Each decoder claims jobs under `q_lock` but counts the
 * bytes it decoded in `decoded_bytes` outside it: the decoders race with
 * each other on it.
 */
#include <pthread.h>
#include <stddef.h>
#include "thr.h"

#define NDECODERS 4
#define NJOBS 64

static pthread_mutex_t q_lock = PTHREAD_MUTEX_INITIALIZER;
static size_t next_job;                 /* guarded by q_lock */
static size_t job_len[NJOBS];           /* written before the pool starts */
unsigned long decoded_bytes;            /* meant to be guarded by q_lock */

static void *decoder_main(void *arg)
{
    (void)arg;
    for (;;) {
        pthread_mutex_lock(&q_lock);
        size_t j = next_job < NJOBS ? next_job++ : NJOBS;
        pthread_mutex_unlock(&q_lock);
        if (j == NJOBS)
            break;
        decoded_bytes += job_len[j]; // expect: CL002 {{races with itself}} {{(started at pool.c:41)}}
        // expect-flow@-1: CL002 {{thread 'decoder_main'}}
    }
    return NULL;
}

int pool_run(void)
{
    pthread_t tids[NDECODERS];
    for (size_t j = 0; j < NJOBS; j++)
        job_len[j] = 512 + j;
    int started = 0;
    for (int i = 0; i < NDECODERS; i++)
        if (thr_spawn_named(&tids[started], "decoder", decoder_main, NULL) == 0) // expect-related: CL002 {{thread 'decoder_main' started here}}
            started++;
    for (int i = 0; i < started; i++)
        pthread_join(tids[i], NULL);
    return started;
}
