/* CL001 positive: in a UNIX-socket control loop, the spawn is reached only
 * by a forward goto: a request that parses jumps to `start:`, anything else
 * is answered and the iteration continues. A walk that ended paths at a
 * goto would never see the spawn; the flow engine carries the state to the
 * label. One export thread per accepted request, detached, no bound.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static void *export_main(void *arg)
{
    char *what = arg;
    free(what);
    return NULL;
}

void control_loop(int ctl_fd)
{
    for (;;) {
        char req[128];
        int fd = accept(ctl_fd, NULL, NULL);
        if (fd < 0)
            continue;
        ssize_t n = recv(fd, req, sizeof req - 1, 0);
        if (n > 7 && memcmp(req, "EXPORT ", 7) == 0)
            goto start;
        send(fd, "ERR\n", 4, 0);
        close(fd);
        continue;
    start:
        req[n] = '\0';
        char *what = strdup(req + 7);
        pthread_t tid;
        if (what != NULL && pthread_create(&tid, NULL, export_main, what) == 0) // expect: CL001 {{thread 'export_main' started for every 'accept' in the loop at line 22}}
            pthread_detach(tid);
        send(fd, "OK\n", 3, 0);
        close(fd);
    }
}
