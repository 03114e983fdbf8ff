/* Pattern: a stub resolver with a per-query lookup thread. The query
 * lives on the heap; the lookup thread fills the addresses, then moves
 * the state from Q_PENDING to Q_ANSWERED (or Q_FAILED) under the query's
 * mutex and broadcasts. The caller waits with a deadline, breaking out of
 * the wait loop on ETIMEDOUT, and copies the answer only in the branch
 * where the state reads Q_ANSWERED under the mutex.
 * Verdict: race-free. The addresses are written before the state is set
 * under the mutex and read only where the caller saw Q_ANSWERED under the
 * same mutex; the lookup thread writes nothing after setting the state.
 */
// expect-none
// class: condvar-handshake
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

enum qstate { Q_PENDING, Q_ANSWERED, Q_FAILED };

struct query {
    pthread_mutex_t lock;
    pthread_cond_t ready;
    enum qstate state;
    int naddrs;
    unsigned addrs[8];
    char name[64];
};

static void *lookup_thread(void *arg)
{
    struct query *q = arg;
    int n = 0;
    for (const char *c = q->name; *c != '\0' && n < 8; c++)
        q->addrs[n++] = 0x0a000000u + (unsigned char)*c;
    q->naddrs = n;
    pthread_mutex_lock(&q->lock);
    q->state = n > 0 ? Q_ANSWERED : Q_FAILED;
    pthread_cond_broadcast(&q->ready);
    pthread_mutex_unlock(&q->lock);
    return NULL;
}

static int resolve(const char *name, unsigned *out, int max, int timeout_s)
{
    struct query *q = calloc(1, sizeof *q);
    pthread_t t;
    struct timespec ts;
    int n;

    if (q == NULL)
        return -ENOMEM;
    pthread_mutex_init(&q->lock, NULL);
    pthread_cond_init(&q->ready, NULL);
    snprintf(q->name, sizeof q->name, "%s", name);
    if (pthread_create(&t, NULL, lookup_thread, q) != 0) {
        free(q);
        return -EAGAIN;
    }
    pthread_detach(t);
    clock_gettime(CLOCK_REALTIME, &ts);
    ts.tv_sec += timeout_s;

    pthread_mutex_lock(&q->lock);
    while (q->state == Q_PENDING) {
        if (pthread_cond_timedwait(&q->ready, &q->lock, &ts) == ETIMEDOUT)
            break;
    }
    if (q->state == Q_ANSWERED) {
        n = q->naddrs < max ? q->naddrs : max;
        memcpy(out, q->addrs, (size_t)n * sizeof *out);
    } else {
        n = -ETIMEDOUT;
    }
    pthread_mutex_unlock(&q->lock);
    return n; /* (the query is left to leak on timeout) */
}

int main(void)
{
    unsigned a[8];
    int n = resolve("example", a, 8, 1);
    printf("%d %x\n", n, n > 0 ? a[0] : 0u);
    return 0;
}
