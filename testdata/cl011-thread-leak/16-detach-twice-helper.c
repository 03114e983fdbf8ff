/* CL011 positive: a helper starts the watchdog and detaches it, and its
 * caller, not knowing, detaches the returned handle again. */
#include <pthread.h>

struct watch {
    pthread_t tid;
    int period;
};

static void *watch_main(void *arg)
{
    struct watch *w = arg;
    (void)w;
    return NULL;
}

static int watch_start(struct watch *w)
{
    if (pthread_create(&w->tid, NULL, watch_main, w) != 0)
        return -1;
    pthread_detach(w->tid); // expect-related: CL011 {{detached here first}}
    return 0;
}

int supervise(struct watch *w);
int supervise(struct watch *w)
{
    if (watch_start(w) != 0)
        return -1;
    pthread_detach(w->tid); // expect: CL011 {{detached twice}}
    return 0;
}
