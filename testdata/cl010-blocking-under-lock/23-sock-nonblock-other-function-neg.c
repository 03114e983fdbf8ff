/* CL010 negative: the connection's socket is created with SOCK_NONBLOCK in
 * conn_open(); conn_flush() sends on it under the connection lock and
 * keeps what did not fit (an event-loop server's output buffer). */
// expect-none
#include <pthread.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/types.h>

struct conn { pthread_mutex_t lock; int fd; char out[1024]; size_t outlen; };

static int conn_open(struct conn *c)
{
    c->fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
    return c->fd < 0 ? -1 : 0;
}

static void conn_flush(struct conn *c)
{
    pthread_mutex_lock(&c->lock);
    ssize_t n = send(c->fd, c->out, c->outlen, 0);
    if (n > 0) {
        memmove(c->out, c->out + n, c->outlen - (size_t)n);
        c->outlen -= (size_t)n;
    }
    pthread_mutex_unlock(&c->lock);
}

static void *io_thread(void *arg)
{
    conn_flush(arg);
    return NULL;
}

int main(void)
{
    static struct conn c = { PTHREAD_MUTEX_INITIALIZER, -1, "", 0 };
    pthread_t t;
    if (conn_open(&c) != 0)
        return 1;
    pthread_create(&t, NULL, io_thread, &c);
    pthread_join(t, NULL);
    return 0;
}
