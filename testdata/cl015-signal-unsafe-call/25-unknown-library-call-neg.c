/* CL015 negative: the handler calls an event library's wake-up function
 * (declared, defined elsewhere, not known to the analyzer's library
 * table). Libraries document such calls as safe in handlers (libuv's
 * uv_async_send, libev's ev_async_send); unknown calls are not judged. */
#include <signal.h>

// expect-none

struct loop;
extern struct loop *main_loop;
void loop_async_wakeup(struct loop *l);
void loop_run(struct loop *l);

static void on_usr1(int sig)
{
    (void)sig;
    loop_async_wakeup(main_loop);
}

int main(void)
{
    signal(SIGUSR1, on_usr1);
    loop_run(main_loop);
    return 0;
}
