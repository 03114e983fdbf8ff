/* Pattern: an uploader thread announces that it has started (under the
 * mutex), then compresses the payload and stores the compressed size
 * without a lock, then sets `finished`. The caller waits with a deadline
 * for the wrong flag: `started`, tested again after the timed wait loop,
 * and then reads the compressed size.
 * Verdict: racy. Seeing `started` set only orders what the uploader did
 * before it set `started`; the compressed size is written after that, so
 * the caller's read runs in parallel with the write.
 */
// class: condvar-handshake
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <time.h>

struct upload {
    pthread_mutex_t mu;
    pthread_cond_t cv;
    int started;
    int finished;
    size_t raw_size;
    size_t packed_size;
};

static struct upload up = { PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, 0, 0, 4096, 0 };

static void *uploader(void *arg)
{
    struct upload *u = arg;
    pthread_mutex_lock(&u->mu);
    u->started = 1;
    pthread_cond_broadcast(&u->cv);
    pthread_mutex_unlock(&u->mu);
    u->packed_size = u->raw_size / 3; // expect: CL002
    pthread_mutex_lock(&u->mu);
    u->finished = 1;
    pthread_cond_broadcast(&u->cv);
    pthread_mutex_unlock(&u->mu);
    return NULL;
}

static int start_upload(struct upload *u, size_t *packed)
{
    pthread_t t;
    struct timespec ts;
    int rc = 0;
    if (pthread_create(&t, NULL, uploader, u) != 0)
        return -1;
    pthread_detach(t);
    clock_gettime(CLOCK_REALTIME, &ts);
    ts.tv_sec += 1;
    pthread_mutex_lock(&u->mu);
    while (!u->started && rc != ETIMEDOUT)
        rc = pthread_cond_timedwait(&u->cv, &u->mu, &ts);
    if (!u->started) {
        pthread_mutex_unlock(&u->mu);
        return -ETIMEDOUT;
    }
    pthread_mutex_unlock(&u->mu);
    *packed = u->packed_size;
    return 0;
}

int main(void)
{
    size_t packed = 0;
    int rc = start_upload(&up, &packed);
    printf("%d %zu\n", rc, packed);
    return 0;
}
