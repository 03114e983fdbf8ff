/* CL009 positive: a C11 <threads.h> session thread in a do-while loop on
 * `shutdown_requested` that waits for `ready` with an `if`, then reads the
 * request as if it were there. */
#include <threads.h>

static mtx_t mu;
static cnd_t cv;
static int ready, shutdown_requested;
static int request, handled;

static int session(void *arg)
{
    (void)arg;
    mtx_lock(&mu);
    do {
        if (!ready)
            cnd_wait(&cv, &mu); // expect: CL009
        handled += request;
        ready = 0;
    } while (!shutdown_requested);
    mtx_unlock(&mu);
    return 0;
}

int main(void)
{
    thrd_t t;
    mtx_init(&mu, mtx_plain);
    cnd_init(&cv);
    thrd_create(&t, session, NULL);
    mtx_lock(&mu);
    request = 5;
    ready = 1;
    shutdown_requested = 1;
    cnd_signal(&cv);
    mtx_unlock(&mu);
    thrd_join(t, NULL);
    return 0;
}
