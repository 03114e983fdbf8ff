/* CL003 negative: the upstream link thread of a log shipper reconnects with
 * exponential backoff, sleep(delay) between failed connect() attempts. The
 * backoff loop reads only its own locals; once connected the thread
 * publishes the fd under link_lock and wakes the senders with a condition
 * variable. The sleep is retry pacing, not coordination.
 * From shared case 44 (false-positive trap). No CL003 finding; the send on
 * the blocking upstream socket under link_lock is a real blocking-under-lock
 * (CL010): a stalled upstream stalls every thread that ships a line.
 */
#include <netinet/in.h>
#include <pthread.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static pthread_mutex_t link_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t link_up = PTHREAD_COND_INITIALIZER;
static int upstream_fd = -1;                 /* guarded by link_lock */

static int dial(const struct sockaddr_in *addr)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd >= 0 && connect(fd, (const struct sockaddr *)addr, sizeof *addr) != 0) {
        close(fd);
        fd = -1;
    }
    return fd;
}

static void *link_main(void *arg)
{
    const struct sockaddr_in *addr = arg;
    char sink[512];
    for (;;) {
        unsigned delay = 1;
        int fd;
        while ((fd = dial(addr)) < 0) {
            sleep(delay);                    /* back off: 1, 2, 4 .. 60 s */
            delay = delay < 32 ? delay * 2 : 60;
        }
        pthread_mutex_lock(&link_lock);
        upstream_fd = fd;
        pthread_cond_broadcast(&link_up);
        pthread_mutex_unlock(&link_lock);
        while (recv(fd, sink, sizeof sink, 0) > 0)
            ;                                /* drain acks until the link drops */
        pthread_mutex_lock(&link_lock);
        upstream_fd = -1;
        pthread_mutex_unlock(&link_lock);
        close(fd);
    }
    return NULL;
}

int ship_line(const char *line)
{
    pthread_mutex_lock(&link_lock);
    while (upstream_fd < 0)
        pthread_cond_wait(&link_up, &link_lock);
    ssize_t n = send(upstream_fd, line, strlen(line), MSG_NOSIGNAL); // expect: CL010
    pthread_mutex_unlock(&link_lock);
    return n < 0 ? -1 : 0;
}

int start_link(const struct sockaddr_in *addr, pthread_t *tid)
{
    return pthread_create(tid, NULL, link_main, (void *)addr);
}
