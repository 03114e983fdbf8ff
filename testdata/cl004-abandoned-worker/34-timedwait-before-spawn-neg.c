/* CL004 negative: the only timed wait happens before the thread exists
 * (waiting for a free worker slot with sem_timedwait()); its timeout return
 * abandons nothing. After the spawn the caller joins unconditionally.
 */
// expect-none
#include <pthread.h>
#include <semaphore.h>
#include <time.h>

int crunch(int in);                      /* crunch.c */

struct task { int in, out; };

static void *task_main(void *arg)
{
    struct task *t = arg;
    t->out = crunch(t->in);
    return NULL;
}

int run_bounded(sem_t *slots, int in, int timeout_s, int *out)
{
    struct task t = { in, 0 };
    struct timespec deadline;
    pthread_t tid;
    clock_gettime(CLOCK_REALTIME, &deadline);
    deadline.tv_sec += timeout_s;
    if (sem_timedwait(slots, &deadline) != 0)
        return -1;                       /* no slot in time: nothing started */
    if (pthread_create(&tid, NULL, task_main, &t) != 0) {
        sem_post(slots);
        return -1;
    }
    pthread_join(tid, NULL);
    sem_post(slots);
    *out = t.out;
    return 0;
}
