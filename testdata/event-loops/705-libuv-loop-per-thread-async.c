// A libuv server with one loop per worker thread: main initializes each
// worker's loop and its async handle (the wake-up main signals when it
// queues work), then starts the workers, each running uv_run on its own
// loop. The async callback, run by every worker's loop, counts the jobs
// in a global without a lock.
#include <stdlib.h>
#include <uv.h>

#define NWORKERS 4

struct worker {
    uv_thread_t tid;
    uv_loop_t loop;
    uv_async_t wakeup;
    uv_timer_t tick;
    unsigned long ticks;
};

static struct worker workers[NWORKERS];
static unsigned long jobs_done;

static void on_wakeup(uv_async_t *handle)
{
    (void)handle;
    jobs_done++; // expect: CL002
}

static void on_tick(uv_timer_t *timer)
{
    struct worker *w = timer->data;
    w->ticks++;
}

static void worker_main(void *arg)
{
    struct worker *w = arg;
    uv_timer_start(&w->tick, on_tick, 1000, 1000);
    uv_run(&w->loop, UV_RUN_DEFAULT);
}

int main(void)
{
    for (int i = 0; i < NWORKERS; i++) {
        struct worker *w = &workers[i];
        uv_loop_init(&w->loop);
        uv_async_init(&w->loop, &w->wakeup, on_wakeup);
        uv_timer_init(&w->loop, &w->tick);
        w->tick.data = w;
    }
    for (int i = 0; i < NWORKERS; i++)
        uv_thread_create(&workers[i].tid, worker_main, &workers[i]);
    for (int i = 0; i < NWORKERS; i++)
        uv_async_send(&workers[i].wakeup);
    for (int i = 0; i < NWORKERS; i++)
        uv_thread_join(&workers[i].tid);
    return 0;
}
