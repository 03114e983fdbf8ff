/* CL001 known false positive: the server object counts the workers it
 * started; the dispatch loop refuses a job once `nworkers` reached the
 * configured maximum and bumps the count when a helper reports that it
 * started the worker with thrd_create. Only the dispatch thread touches the
 * count, so the spawns are bounded. conc-lint does not yet know that the
 * helper returns nonzero exactly when it started no thread, so on the
 * failure path the spawn looks admitted but not counted.
 */
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

static int start_worker(int fd)
{
    thrd_t t;
    if (thrd_create(&t, worker_main, (void *)(long)fd) != thrd_success) // fp-todo: CL001
        return -1;
    return thrd_detach(t);
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
        if (start_worker(fd) == 0)
            srv->nworkers++;
        else
            close(fd);
    }
}
