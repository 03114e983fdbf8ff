/* CL010 negative: accepted sockets are made non-blocking by a helper that
 * gets the descriptor as a parameter (fcntl(F_SETFL, flags | O_NONBLOCK),
 * the usual idiom); the reader then recv()s under the client lock. */
// expect-none
#include <fcntl.h>
#include <pthread.h>
#include <sys/socket.h>
#include <sys/types.h>

struct client { pthread_mutex_t lock; int sock; char in[512]; size_t inlen; };

static int set_nonblocking(int fd)
{
    int fl = fcntl(fd, F_GETFL, 0);
    return fl < 0 ? -1 : fcntl(fd, F_SETFL, fl | O_NONBLOCK);
}

static void client_init(struct client *c, int fd)
{
    c->sock = fd;
    set_nonblocking(c->sock);
}

static void client_read(struct client *c)
{
    pthread_mutex_lock(&c->lock);
    ssize_t n = recv(c->sock, c->in + c->inlen, sizeof c->in - c->inlen, 0);
    if (n > 0)
        c->inlen += (size_t)n;
    pthread_mutex_unlock(&c->lock);
}

static void *reader(void *arg)
{
    client_read(arg);
    return NULL;
}

int main(void)
{
    static struct client c = { PTHREAD_MUTEX_INITIALIZER, -1, "", 0 };
    pthread_t t;
    client_init(&c, 5);
    pthread_create(&t, NULL, reader, &c);
    pthread_join(t, NULL);
    return 0;
}
