/* CL004 negative: on timeout the caller hands the worker struct (which
 * holds the handle) to stop_worker(), which cancels and joins the thread
 * before the caller returns. The worker's frame writes are then harmless.
 */
// expect-none
#include <pthread.h>
#include <semaphore.h>
#include <time.h>

int compute(int x);                      /* math.c: slow */

struct worker {
    pthread_t tid;
    sem_t done;
    int in, out;
};

static void *work_main(void *arg)
{
    struct worker *w = arg;
    w->out = compute(w->in);
    sem_post(&w->done);
    return NULL;
}

static void stop_worker(struct worker *w)
{
    pthread_cancel(w->tid);
    pthread_join(w->tid, NULL);
}

int compute_with_deadline(int x, int timeout_s, int *out)
{
    struct worker w = { .in = x };
    struct timespec deadline;
    sem_init(&w.done, 0, 0);
    if (pthread_create(&w.tid, NULL, work_main, &w) != 0)
        return -1;
    clock_gettime(CLOCK_REALTIME, &deadline);
    deadline.tv_sec += timeout_s;
    if (sem_timedwait(&w.done, &deadline) != 0) {
        stop_worker(&w);
        sem_destroy(&w.done);
        return -1;
    }
    pthread_join(w.tid, NULL);
    sem_destroy(&w.done);
    *out = w.out;
    return 0;
}
