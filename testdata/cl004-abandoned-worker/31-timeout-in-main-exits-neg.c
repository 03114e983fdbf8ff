/* CL004 negative: the timed wait and the early return are in main().
 * Returning from main() calls exit(), which ends every thread: the worker
 * cannot block forever or outlive the frame it writes into.
 */
// expect-none
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <time.h>

struct probe { pthread_mutex_t m; pthread_cond_t cv; int done, up; };

int ping_once(void);                     /* net.c: may hang */

static void *probe_main(void *arg)
{
    struct probe *p = arg;
    int up = ping_once();
    pthread_mutex_lock(&p->m);
    p->up = up;
    p->done = 1;
    pthread_cond_signal(&p->cv);
    pthread_mutex_unlock(&p->m);
    return NULL;
}

int main(void)
{
    struct probe p = { PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, 0, 0 };
    struct timespec deadline;
    pthread_t tid;
    if (pthread_create(&tid, NULL, probe_main, &p) != 0)
        return 2;
    clock_gettime(CLOCK_REALTIME, &deadline);
    deadline.tv_sec += 3;
    pthread_mutex_lock(&p.m);
    while (!p.done) {
        if (pthread_cond_timedwait(&p.cv, &p.m, &deadline) == ETIMEDOUT) {
            fputs("probe: timed out\n", stderr);
            return 1;
        }
    }
    int up = p.up;
    pthread_mutex_unlock(&p.m);
    pthread_join(tid, NULL);
    return up ? 0 : 1;
}
