/* CL004 negative: on timeout the caller hands the thread handle to the
 * stop routine of its backend, picked from a table of function pointers
 * (one teardown per backend kind); that routine cancels and joins. The
 * worker's writes into the caller's frame are finished before it returns.
 */
// expect-none
#include <poll.h>
#include <pthread.h>

int query_backend(int kind, const char *q, char *out, int cap);  /* backend.c */

static void stop_cancel(pthread_t *tid)
{
    pthread_cancel(*tid);
    pthread_join(*tid, NULL);
}

static void (*const stoppers[])(pthread_t *tid) = { stop_cancel };

struct query {
    int kind;
    const char *q;
    char answer[256];
    int len;
};

static void *query_main(void *arg)
{
    struct query *qu = arg;
    qu->len = query_backend(qu->kind, qu->q, qu->answer, (int)sizeof qu->answer);
    return NULL;
}

int query_with_timeout(int kind, const char *q, int evfd, int timeout_ms)
{
    struct query qu = { .kind = kind, .q = q };
    struct pollfd pfd = { .fd = evfd, .events = POLLIN };
    pthread_t tid;
    if (pthread_create(&tid, NULL, query_main, &qu) != 0)
        return -1;
    if (poll(&pfd, 1, timeout_ms) <= 0) {
        stoppers[kind](&tid);
        return -1;
    }
    pthread_join(tid, NULL);
    return qu.len;
}
