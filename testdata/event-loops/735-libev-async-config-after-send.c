// A libev loop thread reconfigured by main through an ev_async watcher:
// main sends first and writes the idle limit after, so the watcher can
// read it while main writes it.
#include <ev.h>
#include <pthread.h>

struct limits {
    int max_conns;
    int idle_secs;
};

static struct ev_loop *loop;
static ev_async reload;
static struct limits next_limits;
static int max_conns, idle_secs;

static void on_reload(struct ev_loop *l, ev_async *w, int revents)
{
    (void)l, (void)w, (void)revents;
    max_conns = next_limits.max_conns;
    idle_secs = next_limits.idle_secs; // expect: CL002
}

static void *loop_main(void *arg)
{
    (void)arg;
    ev_run(loop, 0);
    return NULL;
}

int main(void)
{
    pthread_t t;
    loop = ev_loop_new(0);
    ev_async_init(&reload, on_reload);
    ev_async_start(loop, &reload);
    pthread_create(&t, NULL, loop_main, NULL);
    next_limits.max_conns = 512;
    ev_async_send(loop, &reload);
    next_limits.idle_secs = 30;
    pthread_join(t, NULL);
    return 0;
}
