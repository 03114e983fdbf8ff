/* CL002 negative: the accept loop calls handle() once per connection;
 * handle() allocates a connection object, fills it in, and starts a
 * thread on it. The threads of earlier connections still run while the
 * next call fills in the next object.
 * Each call writes only the object it has just allocated, before any
 * thread can reach it.
 */
// class: fresh-objects
// expect-none
#include <pthread.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>

struct conn {
    int fd;
    unsigned long served;
    char peer[32];
};

static void *serve(void *arg)
{
    struct conn *c = arg;
    char buf[256];
    while (read(c->fd, buf, sizeof buf) > 0)
        c->served++;
    close(c->fd);
    free(c);
    return NULL;
}

static void handle(int fd)
{
    struct conn *c = malloc(sizeof *c);
    if (c == NULL) {
        close(fd);
        return;
    }
    c->fd = fd;
    c->served = 0;
    c->peer[0] = '\0';
    pthread_t t;
    if (pthread_create(&t, NULL, serve, c) != 0) {
        close(fd);
        free(c);
        return;
    }
    pthread_detach(t);
}

void run(int lfd)
{
    for (int n = 0; n < 64; n++) {
        int fd = accept(lfd, NULL, NULL);
        if (fd < 0)
            return;
        handle(fd);
    }
}
