/* CL011 negative: a polling loop arms its watchdog thread the first time a
 * timeout occurs; `armed` is a function-scope static the branch sets, so
 * the loop starts the watchdog at most once; it is joined when the loop
 * ends.
 */
// expect-none
#include <poll.h>
#include <pthread.h>

static pthread_t watchdog;
static _Atomic int finished;

static void *watch(void *arg)
{
    while (!finished)
        poll(NULL, 0, 100);
    return arg;
}

void pump(struct pollfd *fds, int n)
{
    static int armed;
    for (;;) {
        int r = poll(fds, (nfds_t)n, 1000);
        if (r < 0)
            break;
        if (r == 0 && armed == 0) {
            armed = 1;
            pthread_create(&watchdog, NULL, watch, NULL);
        }
    }
    finished = 1;
    if (armed)
        pthread_join(watchdog, NULL);
}
