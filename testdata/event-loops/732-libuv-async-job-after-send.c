// A libuv loop thread that main hands jobs to through an async handle:
// main stores the job, then uv_async_send wakes the loop, whose async
// callback takes the job. Here main fills in the job's priority only
// after the send: the callback can already be reading it.
#include <uv.h>

struct job {
    int id;
    int prio;
};

static uv_loop_t loop;
static uv_async_t wake;
static struct job pending;
static long served;

static void on_wake(uv_async_t *h)
{
    (void)h;
    served += pending.id;
    if (pending.prio > 0) // expect: CL002
        served++;
}

static void loop_main(void *arg)
{
    (void)arg;
    uv_run(&loop, UV_RUN_DEFAULT);
}

int main(void)
{
    uv_thread_t t;
    uv_loop_init(&loop);
    uv_async_init(&loop, &wake, on_wake);
    uv_thread_create(&t, loop_main, NULL);
    pending.id = 7;
    uv_async_send(&wake);
    pending.prio = 2;
    uv_thread_join(&t);
    return 0;
}
