/* resolve.c - RESOLVE: getaddrinfo() with a deadline.
 *
 * getaddrinfo() cannot be interrupted, so each lookup runs on a helper
 * thread and the caller waits on a condition variable until a deadline. At
 * most RESOLVE_MAX_INFLIGHT helpers run at once (resolver_slots).
 *
 * Finding shown here (CL004): when the wait times out resolve_host()
 * returns without joining, detaching or cancelling the helper, and the
 * helper still holds &rq, a request in the returned frame: it will lock
 * rq.lock and write rq.addr into whatever lives there by then. The fix is
 * a heap request with a reference count and pthread_detach() on timeout.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netdb.h>
#include <semaphore.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>

#include "server.h"

static sem_t resolver_slots;

struct resolve_req {
    pthread_mutex_t lock;
    pthread_cond_t done_cv;
    const char *host;
    int done;                            /* guarded by lock */
    int rc;                              /* guarded by lock */
    char addr[INET_ADDRSTRLEN];          /* guarded by lock */
};

int resolve_init(void)
{
    return sem_init(&resolver_slots, 0, RESOLVE_MAX_INFLIGHT);
}

static void *resolve_main(void *arg)
{
    struct resolve_req *rq = arg;
    struct addrinfo hints, *res = NULL;
    char addr[INET_ADDRSTRLEN] = "";

    memset(&hints, 0, sizeof hints);
    hints.ai_family = AF_INET;
    hints.ai_socktype = SOCK_STREAM;
    int rc = getaddrinfo(rq->host, NULL, &hints, &res);
    if (rc == 0) {
        const struct sockaddr_in *sa = (const struct sockaddr_in *)res->ai_addr;
        inet_ntop(AF_INET, &sa->sin_addr, addr, sizeof addr);
        freeaddrinfo(res);
    }
    pthread_mutex_lock(&rq->lock);
    rq->rc = rc;
    memcpy(rq->addr, addr, sizeof addr);
    rq->done = 1;
    pthread_cond_signal(&rq->done_cv);
    pthread_mutex_unlock(&rq->lock);
    sem_post(&resolver_slots);
    return NULL;
}

int resolve_host(const char *host, char *out, size_t cap, int timeout_ms)
{
    struct resolve_req rq = {
        .lock = PTHREAD_MUTEX_INITIALIZER,
        .done_cv = PTHREAD_COND_INITIALIZER,
        .host = host,
    };
    struct timespec deadline;
    pthread_t tid;

    sem_wait(&resolver_slots);
    if (pthread_create(&tid, NULL, resolve_main, &rq) != 0) { // expect: CL012 {{a local of}}
        sem_post(&resolver_slots);
        return -1;
    }
    clock_gettime(CLOCK_REALTIME, &deadline);
    deadline.tv_sec += (timeout_ms + 999) / 1000;   /* whole seconds, rounded up */
    pthread_mutex_lock(&rq.lock);
    while (!rq.done) {
        if (pthread_cond_timedwait(&rq.done_cv, &rq.lock, &deadline) == ETIMEDOUT) {
            pthread_mutex_unlock(&rq.lock);
            return -1; // expect: CL004
        }
    }
    int rc = rq.rc;
    if (rc == 0)
        snprintf(out, cap, "%s", rq.addr);
    pthread_mutex_unlock(&rq.lock);
    pthread_join(tid, NULL);
    return rc == 0 ? 0 : -1;
}
