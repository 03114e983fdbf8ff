/* CL009 negative: C11 threads, cnd_wait and cnd_timedwait in predicate
 * loops (a bounded queue with a producer and a consumer). */
// expect-none
#include <threads.h>
#include <time.h>

#define CAP 8
static mtx_t qm;
static cnd_t not_empty, not_full;
static int q[CAP], qn;

static int producer(void *arg)
{
    (void)arg;
    for (int i = 0; i < 100; i++) {
        mtx_lock(&qm);
        while (qn == CAP)
            cnd_wait(&not_full, &qm);
        q[qn++] = i;
        cnd_signal(&not_empty);
        mtx_unlock(&qm);
    }
    return 0;
}

int main(void)
{
    thrd_t t;
    long sum = 0;
    mtx_init(&qm, mtx_plain);
    cnd_init(&not_empty);
    cnd_init(&not_full);
    thrd_create(&t, producer, NULL);
    for (int i = 0; i < 100; i++) {
        struct timespec ts;
        timespec_get(&ts, TIME_UTC);
        ts.tv_sec += 1;
        mtx_lock(&qm);
        while (qn == 0)
            if (cnd_timedwait(&not_empty, &qm, &ts) == thrd_timedout)
                break;
        if (qn > 0)
            sum += q[--qn];
        cnd_signal(&not_full);
        mtx_unlock(&qm);
    }
    thrd_join(t, NULL);
    return (int)(sum & 1);
}
