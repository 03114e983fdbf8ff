/* CL004 negative: fixed form of 01-resolve-timeout-abandon.c. Heap
 * request; when the owner gives up it detaches under the lock and the last
 * side out frees the request. No timed wait, no blocking hand-off.
 * From shared case 23 (false-positive trap), source: curl
 * lib/asyn-thread.c (destroy_async_data); curl/curl PR #17320 (its
 * thread-leak expectation dropped).
 */
// expect-none
#include <netdb.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

struct req {
    pthread_mutex_t m;
    int finished, abandoned;     /* guarded by m */
    struct addrinfo *res;        /* owner reads it only after join */
    char host[];                 /* private copy of the name */
};

static void *resolve_main(void *arg)
{
    struct req *q = arg;
    getaddrinfo(q->host, "443", NULL, &q->res);
    pthread_mutex_lock(&q->m);
    q->finished = 1;
    int orphaned = q->abandoned;
    pthread_mutex_unlock(&q->m);
    if (orphaned) {              /* owner gave up: worker cleans up */
        if (q->res) freeaddrinfo(q->res);
        free(q);
    }
    return NULL;
}

struct req *resolve_start(const char *host, pthread_t *tid)
{
    struct req *q = calloc(1, sizeof *q + strlen(host) + 1);
    if (q == NULL) return NULL;
    strcpy(q->host, host);
    pthread_mutex_init(&q->m, NULL);
    if (pthread_create(tid, NULL, resolve_main, q) == 0)
        return q;
    free(q);
    return NULL;
}

struct addrinfo *resolve_finish(struct req *q, pthread_t tid) /* owner, once */
{
    pthread_mutex_lock(&q->m);
    int finished = q->finished;
    if (!finished) {
        q->abandoned = 1;        /* hand q over to the worker */
        pthread_detach(tid);
    }
    pthread_mutex_unlock(&q->m);
    if (!finished) return NULL;
    pthread_join(tid, NULL);
    struct addrinfo *res = q->res;
    free(q);
    return res;
}
