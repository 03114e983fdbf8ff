/* CL003 negative: a heartbeat thread sends PING every `interval` seconds on
 * its own socket. A periodic work loop whose sleep paces its own output and
 * reads nothing another thread writes.
 */
// expect-none
#include <pthread.h>
#include <stdio.h>
#include <sys/socket.h>
#include <unistd.h>

struct heartbeat { int fd; unsigned interval; };

static void *heartbeat_main(void *arg)
{
    const struct heartbeat *hb = arg;
    char msg[32];
    for (unsigned long seq = 0;; seq++) {
        int len = snprintf(msg, sizeof msg, "PING %lu\r\n", seq);
        if (send(hb->fd, msg, (size_t)len, MSG_NOSIGNAL) < 0)
            break;
        sleep(hb->interval);
    }
    return NULL;
}

int start_heartbeat(const struct heartbeat *hb, pthread_t *tid)
{
    return pthread_create(tid, NULL, heartbeat_main, (void *)hb);
}
