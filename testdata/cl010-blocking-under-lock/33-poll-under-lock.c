/* CL010 positive: a log shipper waits for its upstream socket to become
 * writable while it holds the queue lock: with poll(.., -1) and with a
 * five-second epoll_wait, every producer that needs the queue stalls as
 * long as the upstream does (found by a fresh-eyes trial: readiness waits
 * were not looked at).
 */
#include <poll.h>
#include <pthread.h>
#include <sys/epoll.h>
#include <sys/socket.h>

static pthread_mutex_t queue_lock = PTHREAD_MUTEX_INITIALIZER;
static int upstream_fd, epfd, queued;

int flush_queue(void)
{
    struct pollfd p = { upstream_fd, POLLOUT, 0 };
    pthread_mutex_lock(&queue_lock);
    int rc = poll(&p, 1, -1); // expect: CL010
    if (rc > 0)
        queued = 0;
    pthread_mutex_unlock(&queue_lock);
    return rc;
}

int wait_upstream(void)
{
    struct epoll_event ev[4];
    pthread_mutex_lock(&queue_lock);
    int n = epoll_wait(epfd, ev, 4, 5000); // expect: CL010
    queued -= n > 0 ? n : 0;
    pthread_mutex_unlock(&queue_lock);
    return n;
}
