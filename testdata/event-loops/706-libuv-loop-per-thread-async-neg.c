// The race-free twin of 705: the async callback counts in its worker's
// own struct (the handle's data, set by main for each worker), and the
// global total under a uv mutex.
// expect-none
#include <stdlib.h>
#include <uv.h>

#define NWORKERS 4

struct worker {
    uv_thread_t tid;
    uv_loop_t loop;
    uv_async_t wakeup;
    unsigned long jobs;
};

static struct worker workers[NWORKERS];
static unsigned long jobs_done;
static uv_mutex_t stats_mu;

static void on_wakeup(uv_async_t *handle)
{
    struct worker *w = handle->data;
    w->jobs++;
    uv_mutex_lock(&stats_mu);
    jobs_done++;
    uv_mutex_unlock(&stats_mu);
}

static void worker_main(void *arg)
{
    struct worker *w = arg;
    uv_run(&w->loop, UV_RUN_DEFAULT);
    uv_loop_close(&w->loop);
}

int main(void)
{
    uv_mutex_init(&stats_mu);
    for (int i = 0; i < NWORKERS; i++) {
        struct worker *w = &workers[i];
        uv_loop_init(&w->loop);
        uv_async_init(&w->loop, &w->wakeup, on_wakeup);
        w->wakeup.data = w;
    }
    for (int i = 0; i < NWORKERS; i++)
        uv_thread_create(&workers[i].tid, worker_main, &workers[i]);
    for (int i = 0; i < NWORKERS; i++)
        uv_async_send(&workers[i].wakeup);
    for (int i = 0; i < NWORKERS; i++)
        uv_thread_join(&workers[i].tid);
    return 0;
}
