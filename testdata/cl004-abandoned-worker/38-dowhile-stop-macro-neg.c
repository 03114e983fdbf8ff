/* CL004 negative: the timeout path stops the worker through a
 * do { } while (0) macro (cancel, then join), the way daemons wrap their
 * thread teardown. The worker writes its digest into the caller's stack
 * frame, but it is gone before the caller returns.
 */
// expect-none
#include <pthread.h>
#include <semaphore.h>
#include <time.h>

void sha256_file(const char *path, unsigned char out[32]);  /* digest.c: slow */

#define STOP_WORKER(t)              \
    do {                            \
        pthread_cancel(t);          \
        pthread_join((t), NULL);    \
    } while (0)

struct digest_req {
    sem_t done;
    const char *path;
    unsigned char sum[32];
};

static void *digest_main(void *arg)
{
    struct digest_req *rq = arg;
    sha256_file(rq->path, rq->sum);
    sem_post(&rq->done);
    return NULL;
}

int digest_with_deadline(const char *path, const struct timespec *deadline, unsigned char *out)
{
    struct digest_req rq = { .path = path };
    pthread_t tid;
    sem_init(&rq.done, 0, 0);
    if (pthread_create(&tid, NULL, digest_main, &rq) != 0)
        return -1;
    if (sem_timedwait(&rq.done, deadline) == -1) {
        STOP_WORKER(tid);
        return -1;
    }
    pthread_join(tid, NULL);
    for (int i = 0; i < 32; i++)
        out[i] = rq.sum[i];
    return 0;
}
