/* CL010 positive, interprocedural: flush_peer() holds the peer lock and
 * calls write_all(), whose loop sends on the peer's blocking socket; the
 * finding is at the call in the function that holds the lock. */
#include <pthread.h>
#include <stddef.h>
#include <sys/socket.h>
#include <sys/types.h>

struct peer { pthread_mutex_t lock; int fd; char out[4096]; size_t outlen; };

static int write_all(int fd, const char *p, size_t n)
{
    while (n > 0) {
        ssize_t w = send(fd, p, n, MSG_NOSIGNAL); // expect-related: CL010 {{'send' blocks here}}
        if (w <= 0)
            return -1;
        p += w;
        n -= (size_t)w;
    }
    return 0;
}

static void flush_peer(struct peer *pr)
{
    pthread_mutex_lock(&pr->lock);
    if (write_all(pr->fd, pr->out, pr->outlen) == 0) // expect: CL010 {{'write_all' can block for long (it calls 'send' at line 14) while 'pr->lock' is held}}
        pr->outlen = 0;
    pthread_mutex_unlock(&pr->lock);
}

static void *flusher(void *arg)
{
    flush_peer(arg);
    return NULL;
}

int main(void)
{
    static struct peer p = { PTHREAD_MUTEX_INITIALIZER, 3, "hi", 2 };
    pthread_t t;
    pthread_create(&t, NULL, flusher, &p);
    pthread_mutex_lock(&p.lock);
    p.outlen = 0;
    pthread_mutex_unlock(&p.lock);
    pthread_join(t, NULL);
    return 0;
}
