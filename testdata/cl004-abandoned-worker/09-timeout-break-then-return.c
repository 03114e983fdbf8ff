/* CL004 positive: the abandoning exit is not next to the timed wait. On
 * ETIMEDOUT the wait loop breaks, and the `return` after the unlock leaves
 * without join/detach/cancel while the worker will still lock the mutex in
 * this frame and write `req.result`. The finding goes on that return.
 */
#include <errno.h>
#include <pthread.h>
#include <time.h>

long run_query(const char *sql);         /* db.c: may block on a lock wait */

struct query_req {
    pthread_mutex_t m;
    pthread_cond_t cv;
    const char *sql;
    int done;                            /* guarded by m */
    long result;                         /* guarded by m */
};

static void *query_main(void *arg)
{
    struct query_req *req = arg;
    long r = run_query(req->sql);
    pthread_mutex_lock(&req->m);
    req->result = r;
    req->done = 1;
    pthread_cond_signal(&req->cv);
    pthread_mutex_unlock(&req->m);
    return NULL;
}

int query_with_timeout(const char *sql, int timeout_s, long *out)
{
    struct query_req req = { PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, sql, 0, 0 };
    struct timespec deadline;
    pthread_t tid;
    if (pthread_create(&tid, NULL, query_main, &req) != 0) // expect: CL012 {{a local of}}
        return -1;
    clock_gettime(CLOCK_REALTIME, &deadline);
    deadline.tv_sec += timeout_s;
    pthread_mutex_lock(&req.m);
    while (!req.done) {
        int rc = pthread_cond_timedwait(&req.cv, &req.m, &deadline);
        if (rc == ETIMEDOUT)
            break;
    }
    int done = req.done;
    long result = req.result;
    pthread_mutex_unlock(&req.m);
    if (!done)
        return -ETIMEDOUT; // expect: CL004
    pthread_join(tid, NULL);
    *out = result;
    return 0;
}
