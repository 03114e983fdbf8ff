/* CL011 negative: the join helper of rsyslog's worker threads
 * (runtime/wti.c, wtiJoinThrd) joins only while the worker's state says it
 * waits to be joined, and moves the state on; callers run it more than
 * once on their shutdown paths. */
// expect-none
#include <pthread.h>
#include <stdatomic.h>

enum { WAIT_JOIN = 2, STOPPED = 3 };

struct wti { pthread_t tid; atomic_int state; };

static void *wrk_main(void *arg)
{
    struct wti *w = arg;
    atomic_store(&w->state, WAIT_JOIN);
    return NULL;
}

static int wti_state(struct wti *w)
{
    return atomic_load(&w->state);
}

static void wti_join(struct wti *w)
{
    if (wti_state(w) == WAIT_JOIN) {
        pthread_join(w->tid, NULL);
        atomic_store(&w->state, STOPPED);
    }
}

int wti_cancel(struct wti *w);
int wti_cancel(struct wti *w)
{
    atomic_store(&w->state, 0);
    if (pthread_create(&w->tid, NULL, wrk_main, w) != 0)
        return -1;
    wti_join(w);
    wti_join(w);
    return 0;
}
