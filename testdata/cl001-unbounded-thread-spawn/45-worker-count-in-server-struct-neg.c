/* CL001 negative: the server object counts the workers it started; the
 * dispatch loop refuses a job once `nworkers` reached the configured
 * maximum, starts the worker with thrd_create, and counts it when the
 * start succeeded. Only the dispatch thread touches the count, so the
 * admission test bounds the spawns without a lock.
 */
// expect-none
#include <stdlib.h>
#include <sys/socket.h>
#include <threads.h>
#include <unistd.h>

struct server {
    int lfd;
    unsigned nworkers, max_workers;
};

static int worker_main(void *arg)
{
    close((int)(long)arg);
    return 0;
}

void dispatch(struct server *srv)
{
    while (1) {
        int fd = accept(srv->lfd, NULL, NULL);
        if (fd < 0)
            break;
        if (srv->nworkers == srv->max_workers) {
            close(fd);
            continue;
        }
        thrd_t t;
        if (thrd_create(&t, worker_main, (void *)(long)fd) != thrd_success) {
            close(fd);
            continue;
        }
        thrd_detach(t);
        srv->nworkers++;
    }
}
