/* CL001 negative: connections are spread over a fixed pool of 8 worker
 * slots; a slot's worker is started the first time a connection lands on
 * it (`if (!w->started)`). The pointer names one of the 8 long-lived
 * slots, not an object of this round, so at most 8 workers start.
 */
// expect-none
#include <pthread.h>
#include <sys/socket.h>

struct worker {
    int started;
    int fds[64];
    int nfds;
    pthread_t th;
};

static struct worker pool[8];
static struct worker *target;

static void *work(void *arg)
{
    return arg;
}

void dispatch(int lfd)
{
    for (unsigned n = 0;; n++) {
        int fd = accept(lfd, NULL, NULL);
        if (fd < 0)
            continue;
        target = &pool[n % 8];
        if (target->nfds < 64)
            target->fds[target->nfds++] = fd;
        if (!target->started) {
            target->started = 1;
            pthread_create(&target->th, NULL, work, target);
        }
    }
}
