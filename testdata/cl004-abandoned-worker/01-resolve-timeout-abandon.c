/* CL004 positive: a helper thread runs a blocking getaddrinfo(); the caller
 * waits on a condvar with a deadline and, on timeout, just returns. The
 * helper is never joined, detached or cancelled, and it will lock and
 * signal the mutex/condvar in `rq`, which lives in the dead frame.
 * From shared case 22 (true bug), sources: yhirose/cpp-httplib PR #2232 /
 * issue #2431; kisli/vmime issue #273; curl/curl issue #2975 (its
 * stack-escape-to-thread expectation dropped).
 */
#include <errno.h>
#include <netdb.h>
#include <pthread.h>
#include <time.h>

struct lookup_req {
    pthread_mutex_t m;
    pthread_cond_t cv;
    int done, rc;
    const char *host;
    struct addrinfo *res;
};

static void *lookup_main(void *arg)
{
    struct lookup_req *rq = arg;
    struct addrinfo *res = NULL;
    int rc = getaddrinfo(rq->host, "443", NULL, &res);  /* may take minutes */
    pthread_mutex_lock(&rq->m);
    rq->res = res; // expect-related: CL004 {{writes 'rq->res' into this function's stack frame}}
    rq->rc = rc;
    rq->done = 1;
    pthread_cond_signal(&rq->cv);
    pthread_mutex_unlock(&rq->m);
    return NULL;
}

int resolve_with_deadline(const char *host, int secs, struct addrinfo **out)
{
    struct lookup_req rq = { .m = PTHREAD_MUTEX_INITIALIZER,
                             .cv = PTHREAD_COND_INITIALIZER, .host = host };
    pthread_t tid;
    struct timespec deadline;
    if (pthread_create(&tid, NULL, lookup_main, &rq) != 0) // expect: CL012 {{a local of}}
        return -1;
    clock_gettime(CLOCK_REALTIME, &deadline);
    deadline.tv_sec += secs;
    pthread_mutex_lock(&rq.m);
    while (!rq.done) {
        if (pthread_cond_timedwait(&rq.cv, &rq.m, &deadline) == ETIMEDOUT) { // expect-related: CL004 {{'pthread_cond_timedwait' may time out here}}
            pthread_mutex_unlock(&rq.m);
            return -1; // expect: CL004 {{returns after 'pthread_cond_timedwait' times out without joining}}
        } // expect-flow@-1: CL004 {{'pthread_cond_timedwait' times out}} {{leaves without joining}}, CL004 {{thread 'lookup_main'}} {{writes 'rq->res'}}
    }
    pthread_mutex_unlock(&rq.m);
    pthread_join(tid, NULL);
    *out = rq.res;
    return rq.rc;
}
