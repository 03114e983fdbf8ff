/* CL001 positive: the spawn is not in the loop itself but in
 * handle_connection(), the per-connection handler the accept loop calls.
 * The handler path has no semaphore, no counter and no pool: one thread per
 * client, unbounded.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

struct client {
    int fd;
    char peer[64];
};

static void *client_main(void *arg)
{
    struct client *cl = arg;
    char req[1024];
    ssize_t n = recv(cl->fd, req, sizeof req, 0);
    if (n > 0 && strncmp(req, "PING", 4) == 0)
        send(cl->fd, "PONG\r\n", 6, 0);
    close(cl->fd);
    free(cl);
    return NULL;
}

static int handle_connection(int fd, const char *peer)
{
    struct client *cl = calloc(1, sizeof *cl);
    pthread_t tid;
    if (cl == NULL)
        return -1;
    cl->fd = fd;
    strncpy(cl->peer, peer, sizeof cl->peer - 1);
    int rc = pthread_create(&tid, NULL, client_main, cl); // expect: CL001 {{started in 'handle_connection' for every 'accept'}}
    if (rc != 0) {
        free(cl);
        return -1;
    }
    pthread_detach(tid);
    return 0;
}

void accept_loop(int listen_fd)
{
    int fd;
    while ((fd = accept(listen_fd, NULL, NULL)) >= 0) { // expect-related: CL001 {{each 'accept' in this loop}}
        if (handle_connection(fd, "tcp") != 0) // expect-related: CL001 {{calls 'handle_connection'}}
            close(fd);
    }
}
