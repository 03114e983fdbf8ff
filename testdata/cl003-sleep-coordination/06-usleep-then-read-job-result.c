/* CL003 positive: the creator sleeps after pthread_create and then reads
 * what the thread wrote (under the job's lock, so no data race): a 200 ms
 * usleep() is assumed to be "enough" for the checksum thread. The thread is
 * never joined.
 */
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>

struct sum_job {
    pthread_mutex_t lock;
    const unsigned char *data;           /* set before the spawn */
    size_t len;
    uint32_t crc;                        /* guarded by lock */
    int done;                            /* guarded by lock */
};

static void *crc_main(void *arg)
{
    struct sum_job *job = arg;
    uint32_t crc = 0xffffffffu;
    for (size_t i = 0; i < job->len; i++) {
        crc ^= job->data[i];
        for (int k = 0; k < 8; k++)
            crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1u)));
    }
    pthread_mutex_lock(&job->lock);
    job->crc = ~crc;
    job->done = 1;
    pthread_mutex_unlock(&job->lock);
    return NULL;
}

int verify_blob(const unsigned char *data, size_t len, uint32_t want)
{
    static struct sum_job job = { .lock = PTHREAD_MUTEX_INITIALIZER };
    pthread_t tid;
    job.data = data;
    job.len = len;
    if (pthread_create(&tid, NULL, crc_main, &job) != 0) // expect: CL011
        return -1;
    usleep(200 * 1000); // expect: CL003
    pthread_mutex_lock(&job.lock);
    int ok = job.done && job.crc == want;
    pthread_mutex_unlock(&job.lock);
    return ok ? 0 : -1;
}
