/* CL001: a dispatcher library keeps the connection callback in the block
 * it starts its accept thread on (`d->on_conn = on_conn;
 * pthread_create(.., dispatch_loop, d)`), and the accept loop calls it
 * for every connection; the callback starts a detached thread per
 * connection with nothing bounding them. The callback stored in a start
 * block is a registration, not the routine of a thread: the thread calls
 * it in a loop, per event.
 */
#include <pthread.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>

struct dispatcher {
    void (*on_conn)(int);
    int fd;
};

static void *dispatch_loop(void *p)
{
    struct dispatcher *d = p;
    for (;;) {
        int c = accept(d->fd, NULL, NULL);
        if (c >= 0)
            d->on_conn(c);
    }
    return NULL;
}

static int dispatcher_start(void (*on_conn)(int), int fd)
{
    pthread_t t;
    struct dispatcher *d = malloc(sizeof *d);
    if (d == NULL)
        return -1;
    d->on_conn = on_conn;
    d->fd = fd;
    if (pthread_create(&t, NULL, dispatch_loop, d) != 0) {
        free(d);
        return -1;
    }
    return pthread_detach(t);
}

static void *serve(void *arg)
{
    close((int)(long)arg);
    return NULL;
}

static void on_conn(int c)
{
    pthread_t t;
    if (pthread_create(&t, NULL, serve, (void *)(long)c) == 0) // expect: CL001
        pthread_detach(t);
}

int main(void)
{
    if (dispatcher_start(on_conn, socket(AF_INET, SOCK_STREAM, 0)) != 0)
        return 1;
    pause();
    return 0;
}
