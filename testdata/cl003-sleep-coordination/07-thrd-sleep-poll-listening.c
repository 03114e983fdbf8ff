/* CL003 positive, C11 <threads.h>: the test harness starts the server
 * thread with thrd_create() and polls its `listening` flag (atomic) with
 * thrd_sleep() until it flips. A cnd_t (or call_once-style handshake) is the
 * right tool.
 * run_smoke_test() is a root function of a library (no main): its
 * parameter `srv` names an object of its own there (threads.c,
 * bind_root_params), which the server thread reaches through its start
 * argument.
 */
#include <stdatomic.h>
#include <stdbool.h>
#include <threads.h>
#include <time.h>

struct server {
    atomic_bool listening;
    atomic_bool stop;
    int port;                            /* set before the spawn */
};

int server_bind(int port);               /* net.c */
void server_poll_once(int fd);           /* net.c */

static int server_main(void *arg)
{
    struct server *srv = arg;
    int fd = server_bind(srv->port);
    if (fd < 0)
        return 1;
    atomic_store(&srv->listening, true);
    while (!atomic_load(&srv->stop))
        server_poll_once(fd);
    return 0;
}

int run_smoke_test(struct server *srv)
{
    thrd_t t;
    const struct timespec step = { .tv_sec = 0, .tv_nsec = 20 * 1000 * 1000 };
    if (thrd_create(&t, server_main, srv) != thrd_success)
        return -1;
    while (!atomic_load(&srv->listening))
        thrd_sleep(&step, NULL); // expect: CL003
    atomic_store(&srv->stop, true);
    return thrd_join(t, NULL) == thrd_success ? 0 : -1;
}
