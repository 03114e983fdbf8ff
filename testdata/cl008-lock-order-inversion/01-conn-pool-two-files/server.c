/* CL008 multi-file case, from shared case 87 (file 3 of 3): the threads;
 * no finding here. */
// expect-none
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <time.h>
#include "connpool.h"

#define NREQ 4
#define NCONN 16

static pthread_mutex_t stop_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t stop_cv = PTHREAD_COND_INITIALIZER;
static int stopping;                    /* guarded by stop_lock */

static void *request_main(void *arg)
{
    unsigned seed = (unsigned)(uintptr_t)arg;
    for (int i = 0; i < 10000; i++) {
        struct conn *c = pool_checkout();
        if (c == NULL)
            continue;
        seed = seed * 1103515245u + 12345u;
        int broken = send(c->fd, "PING\r\n", 6, MSG_NOSIGNAL) != 6 || seed % 97 == 0;
        conn_release(c, broken);
    }
    return NULL;
}

static void *reaper_main(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&stop_lock);
    while (!stopping) {
        struct timespec next;
        clock_gettime(CLOCK_REALTIME, &next);
        next.tv_sec += 1;
        pthread_cond_timedwait(&stop_cv, &stop_lock, &next);
        pthread_mutex_unlock(&stop_lock);
        pool_reap_idle(time(NULL), 30);
        pthread_mutex_lock(&stop_lock);
    }
    pthread_mutex_unlock(&stop_lock);
    return NULL;
}

int main(void)
{
    pthread_t req[NREQ], reaper;
    for (int i = 0; i < NCONN; i++) {
        struct conn *c = calloc(1, sizeof *c);
        int sv[2];
        if (c == NULL || socketpair(AF_UNIX, SOCK_STREAM, 0, sv) != 0)
            return 1;
        pthread_mutex_init(&c->lock, NULL);
        c->fd = sv[0];
        c->last_used = time(NULL);
        pool_add(c);
    }
    pthread_create(&reaper, NULL, reaper_main, NULL);
    for (uintptr_t i = 0; i < NREQ; i++)
        pthread_create(&req[i], NULL, request_main, (void *)(i + 1));
    for (int i = 0; i < NREQ; i++)
        pthread_join(req[i], NULL);
    pthread_mutex_lock(&stop_lock);
    stopping = 1;
    pthread_cond_signal(&stop_cv);
    pthread_mutex_unlock(&stop_lock);
    pthread_join(reaper, NULL);
    return 0;
}
