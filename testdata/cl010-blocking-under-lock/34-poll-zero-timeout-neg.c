/* CL010 negative: under the queue lock the shipper only asks whether the
 * upstream socket is writable right now (poll with a zero timeout, select
 * with a zero timeval it fills in): neither waits.
 */
// expect-none
#include <poll.h>
#include <pthread.h>
#include <sys/select.h>

static pthread_mutex_t queue_lock = PTHREAD_MUTEX_INITIALIZER;
static int upstream_fd, writable;

void probe_upstream(void)
{
    struct pollfd p = { upstream_fd, POLLOUT, 0 };
    fd_set w;
    struct timeval now = { 0, 0 };
    FD_ZERO(&w);
    FD_SET(upstream_fd, &w);
    pthread_mutex_lock(&queue_lock);
    writable = poll(&p, 1, 0) > 0;
    writable = writable || select(upstream_fd + 1, NULL, &w, NULL, &now) > 0;
    pthread_mutex_unlock(&queue_lock);
}
