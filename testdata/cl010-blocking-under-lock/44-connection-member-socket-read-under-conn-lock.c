/* CL010 positive (a proxy): the accepted descriptor is kept in the
 * connection object; the upstream reader takes the connection's lock and
 * then reads from the socket, so the thread that wants to close or flush
 * the connection waits for the peer to send something.
 */
// class: socket-io-under-lock
#include <pthread.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

struct conn {
    pthread_mutex_t lock;
    int sock;
    char buf[1024];
    size_t used;
};

static void *pump(void *arg)
{
    struct conn *c = arg;
    for (;;) {
        pthread_mutex_lock(&c->lock);
        struct iovec iov = { c->buf + c->used, sizeof c->buf - c->used };
        ssize_t n = readv(c->sock, &iov, 1); // expect: CL010 {{'readv' can block for long while 'c->lock' is held}}
        if (n > 0)
            c->used += (size_t)n;
        pthread_mutex_unlock(&c->lock);
        if (n <= 0)
            break;
    }
    return NULL;
}

static void *flusher(void *arg)
{
    struct conn *c = arg;
    pthread_mutex_lock(&c->lock);
    c->used = 0;
    pthread_mutex_unlock(&c->lock);
    return NULL;
}

int main(void)
{
    int lfd = socket(AF_UNIX, SOCK_STREAM, 0);
    struct conn *c = calloc(1, sizeof *c);
    pthread_t p, f;
    if (c == NULL || lfd < 0)
        return 1;
    pthread_mutex_init(&c->lock, NULL);
    c->sock = accept(lfd, NULL, NULL);
    pthread_create(&p, NULL, pump, c);
    pthread_create(&f, NULL, flusher, c);
    pthread_join(p, NULL);
    pthread_join(f, NULL);
    free(c);
    return 0;
}
