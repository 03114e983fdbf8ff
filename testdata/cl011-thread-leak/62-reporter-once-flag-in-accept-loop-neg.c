/* CL011 negative: the accept loop of a server function (not main) starts
 * the statistics reporter the first time a client connects, under a
 * global once-flag the branch sets; the reporter's one handle is written
 * once, and the stop function joins it.
 */
// expect-none
#include <pthread.h>
#include <sys/socket.h>
#include <unistd.h>

static int reporter_started;
static pthread_t reporter;
static _Atomic int stopping;

static void *report(void *arg)
{
    while (!stopping)
        sleep(1);
    return arg;
}

void serve(int lfd)
{
    for (;;) {
        int fd = accept(lfd, NULL, NULL);
        if (fd < 0)
            break;
        if (!reporter_started) {
            reporter_started = 1;
            pthread_create(&reporter, NULL, report, NULL);
        }
        close(fd);
    }
}

void stop(void)
{
    stopping = 1;
    if (reporter_started)
        pthread_join(reporter, NULL);
}
