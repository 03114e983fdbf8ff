/* CL012 positive: the creator waits for the worker to take its copy, but
 * with a deadline, and returns on timeout with the worker still pointing
 * at its frame. */
#include <errno.h>
#include <pthread.h>
#include <time.h>

struct start_req {
    pthread_mutex_t m;
    pthread_cond_t cv;
    int taken;
    int port;
};

static void *listener_main(void *arg)
{
    struct start_req *r = arg;
    pthread_mutex_lock(&r->m);
    int port = r->port;
    r->taken = 1;
    pthread_cond_signal(&r->cv);
    pthread_mutex_unlock(&r->m);
    return (void *)(long)port;
}

int start_listener(int port, pthread_t *out);
int start_listener(int port, pthread_t *out)
{
    struct start_req r = { PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, 0, port };
    struct timespec dl;
    if (pthread_create(out, NULL, listener_main, &r) != 0) // expect: CL012 {{'r'}}
        return -1;
    clock_gettime(CLOCK_REALTIME, &dl);
    dl.tv_sec += 2;
    pthread_mutex_lock(&r.m);
    while (!r.taken)
        if (pthread_cond_timedwait(&r.cv, &r.m, &dl) == ETIMEDOUT)
            break;
    pthread_mutex_unlock(&r.m);
    return r.taken ? 0 : -1; // expect: CL002 CL004
}
