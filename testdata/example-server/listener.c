/* listener.c - the listening socket and the accept loop.
 *
 * Finding shown here: one thread per accepted connection with no bound on
 * how many are alive (CL001). The fix is a connection cap (a counting
 * semaphore, or a counter checked under a lock) or handing the descriptor
 * to a fixed pool, as pool.c does for log lines.
 */
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "server.h"
#include "stats.h"

int listener_open(unsigned short port)
{
    struct sockaddr_in sa;
    int one = 1;
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return -1;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    memset(&sa, 0, sizeof sa);
    sa.sin_family = AF_INET;
    sa.sin_addr.s_addr = htonl(INADDR_ANY);
    sa.sin_port = htons(port);
    if (bind(fd, (struct sockaddr *)&sa, sizeof sa) != 0 || listen(fd, 128) != 0) {
        close(fd);
        return -1;
    }
    return fd;
}

int listener_run(int listen_fd)
{
    pthread_attr_t attr;
    struct sockaddr_in peer;
    socklen_t plen = sizeof peer;
    int fd;

    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    while ((fd = accept(listen_fd, (struct sockaddr *)&peer, &plen)) >= 0) {
        struct conn_start *cs = malloc(sizeof *cs);
        pthread_t tid;
        plen = sizeof peer;
        if (cs == NULL) {
            close(fd);
            continue;
        }
        cs->fd = fd;
        cs->peer = peer;
        stats_conn_opened();
        if (pthread_create(&tid, &attr, conn_main, cs) != 0) { // expect: CL001
            perror("kvd: pthread_create");
            stats_conn_closed();
            close(fd);
            free(cs);
        }
    }
    pthread_attr_destroy(&attr);
    perror("kvd: accept");
    return -1;
}
