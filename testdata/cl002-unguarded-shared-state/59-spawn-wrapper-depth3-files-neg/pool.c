/* CL002 multi-file negative case 59, file 2 of 3 (twin of 58): the pool of
 * decoders started through thr_spawn_named() from thr.c (three wrappers
 * deep, in another file); each decoder counts its bytes in a slot of its
 * own, and pool_run() adds the slots up after the joins. The four decoder
 * instances are in the model (they race on nothing).
 */
// expect-none
#include <pthread.h>
#include <stddef.h>
#include "thr.h"

#define NDECODERS 4
#define NJOBS 64

static pthread_mutex_t q_lock = PTHREAD_MUTEX_INITIALIZER;
static size_t next_job;                 /* guarded by q_lock */
static size_t job_len[NJOBS];           /* written before the pool starts */
unsigned long decoded_bytes;            /* written after the joins */

static void *decoder_main(void *arg)
{
    unsigned long *mine = arg;
    for (;;) {
        pthread_mutex_lock(&q_lock);
        size_t j = next_job < NJOBS ? next_job++ : NJOBS;
        pthread_mutex_unlock(&q_lock);
        if (j == NJOBS)
            break;
        *mine += job_len[j];
    }
    return NULL;
}

int pool_run(void)
{
    pthread_t tids[NDECODERS];
    static unsigned long bytes[NDECODERS];
    for (size_t j = 0; j < NJOBS; j++)
        job_len[j] = 512 + j;
    int started = 0;
    for (int i = 0; i < NDECODERS; i++)
        if (thr_spawn_named(&tids[started], "decoder", decoder_main, &bytes[started]) == 0)
            started++;
    for (int i = 0; i < started; i++) {
        pthread_join(tids[i], NULL);
        decoded_bytes += bytes[i];
    }
    return started;
}
