/* CL004 positive: a rendezvous. The worker publishes its reply and then
 * waits for the caller's acknowledgement on the condvar in the caller's
 * frame (it must not reuse the connection until the caller took the reply).
 * When the caller's pthread_cond_timedwait() times out it returns: nobody
 * ever acks, and the worker waits forever on a dead frame's condvar.
 */
#include <errno.h>
#include <pthread.h>
#include <time.h>

int rpc_call(int conn, const char *method, char *reply, size_t cap);   /* rpc.c */

struct rpc_slot {
    pthread_mutex_t m;
    pthread_cond_t cv;
    int conn;
    const char *method;
    int replied, acked;                  /* guarded by m */
    char reply[512];                     /* guarded by m */
};

static void *rpc_main(void *arg)
{
    struct rpc_slot *s = arg;
    char buf[512];
    int rc = rpc_call(s->conn, s->method, buf, sizeof buf);
    pthread_mutex_lock(&s->m);
    for (int i = 0; i < (int)sizeof buf; i++)
        s->reply[i] = rc == 0 ? buf[i] : '\0';
    s->replied = 1;
    pthread_cond_broadcast(&s->cv);
    while (!s->acked)                    /* hand-off: wait for the caller */
        pthread_cond_wait(&s->cv, &s->m);
    pthread_mutex_unlock(&s->m);
    return NULL;
}

int rpc_with_deadline(int conn, const char *method, int timeout_s, char *out, size_t cap)
{
    struct rpc_slot s = { .m = PTHREAD_MUTEX_INITIALIZER, .cv = PTHREAD_COND_INITIALIZER,
                          .conn = conn, .method = method };
    struct timespec deadline;
    pthread_t tid;
    int rc = 0;
    if (pthread_create(&tid, NULL, rpc_main, &s) != 0) // expect: CL012 {{a local of}}
        return -1;
    clock_gettime(CLOCK_REALTIME, &deadline);
    deadline.tv_sec += timeout_s;
    pthread_mutex_lock(&s.m);
    while (!s.replied && rc != ETIMEDOUT)
        rc = pthread_cond_timedwait(&s.cv, &s.m, &deadline);
    if (!s.replied) {
        pthread_mutex_unlock(&s.m);
        return -1; // expect: CL004
    }
    for (size_t i = 0; i < cap && i < sizeof s.reply; i++)
        out[i] = s.reply[i];
    s.acked = 1;
    pthread_cond_broadcast(&s.cv);
    pthread_mutex_unlock(&s.m);
    pthread_join(tid, NULL);
    return 0;
}
