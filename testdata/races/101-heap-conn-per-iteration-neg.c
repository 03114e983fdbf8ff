/* Pattern: a listener hands each accepted connection to its own thread in
 * a freshly allocated context, filled before the thread starts.
 * Verdict: race-free. `c` is allocated in the same iteration that starts
 * the thread and only written before pthread_create: each handler owns
 * its context, and the next iteration writes a new one. The listener
 * serves a fixed number of clients and joins them.
 */
#include <netinet/in.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

// class: heap-contexts
// expect-none

enum { MAX_CLIENTS = 16 };

struct conn {
    int fd;
    struct sockaddr_in peer;
    size_t nread;
    char buf[512];
};

static void *conn_main(void *arg)
{
    struct conn *c = arg;
    ssize_t n;
    while ((n = read(c->fd, c->buf, sizeof c->buf)) > 0) {
        c->nread += (size_t)n;
        if (write(c->fd, c->buf, (size_t)n) < 0)
            break;
    }
    close(c->fd);
    free(c);
    return NULL;
}

int serve(int lfd)
{
    pthread_t tids[MAX_CLIENTS];
    int n = 0;
    for (int i = 0; i < MAX_CLIENTS; i++) {
        struct conn *c = calloc(1, sizeof *c);
        socklen_t len = sizeof c->peer;
        if (c == NULL)
            break;
        c->fd = accept(lfd, (struct sockaddr *)&c->peer, &len);
        if (c->fd < 0) {
            free(c);
            break;
        }
        c->nread = 0;
        if (pthread_create(&tids[n], NULL, conn_main, c) != 0) {
            close(c->fd);
            free(c);
            break;
        }
        n++;
    }
    for (int i = 0; i < n; i++)
        pthread_join(tids[i], NULL);
    return n;
}
