/* CL004 negative, the twin of 42: on ETIMEDOUT the caller cancels the
 * worker and joins it before it returns, so nothing outlives the frame.
 */
// class: timed-wait-helper
// expect-none
#include <errno.h>
#include <pthread.h>
#include <time.h>
#include <unistd.h>

struct ping {
    pthread_mutex_t m;
    pthread_cond_t cv;
    int answered;
    int rtt_ms;
};

static void *pinger(void *arg)
{
    struct ping *p = arg;
    usleep(500000);
    pthread_mutex_lock(&p->m);
    p->rtt_ms = 500;
    p->answered = 1;
    pthread_cond_signal(&p->cv);
    pthread_mutex_unlock(&p->m);
    return NULL;
}

static int await_reply(struct ping *p, const struct timespec *deadline)
{
    int rc = 0;
    pthread_mutex_lock(&p->m);
    while (!p->answered && rc != ETIMEDOUT)
        rc = pthread_cond_timedwait(&p->cv, &p->m, deadline);
    pthread_mutex_unlock(&p->m);
    return rc;
}

static int ping_with_deadline(int *rtt)
{
    struct ping p = { PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, 0, 0 };
    struct timespec deadline;
    pthread_t t;
    if (pthread_create(&t, NULL, pinger, &p) != 0)
        return -1;
    clock_gettime(CLOCK_REALTIME, &deadline);
    deadline.tv_sec += 1;
    if (await_reply(&p, &deadline) == ETIMEDOUT) {
        pthread_cancel(t);
        pthread_join(t, NULL);
        return -1;
    }
    pthread_join(t, NULL);
    *rtt = p.rtt_ms;
    return 0;
}

int main(void)
{
    int rtt = 0;
    return ping_with_deadline(&rtt) == 0 ? 0 : 1;
}
