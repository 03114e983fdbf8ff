/* CL010 negative: a notifier socket is created non-blocking into a local
 * (SOCK_NONBLOCK), and a setup helper also sets O_NONBLOCK on the
 * descriptor it is given before storing it in the connection object;
 * the sends under the connection's lock then never wait.
 */
// class: nonblocking-descriptor
// expect-none
#include <fcntl.h>
#include <pthread.h>
#include <sys/socket.h>

struct conn {
    pthread_mutex_t lock;
    int fd;
    int ctl;
};

static struct conn link_conn = { PTHREAD_MUTEX_INITIALIZER, -1, -1 };

static void conn_attach(struct conn *c, int ctl)
{
    fcntl(ctl, F_SETFL, fcntl(ctl, F_GETFL) | O_NONBLOCK);
    c->ctl = ctl;
}

static void *notifier(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&link_conn.lock);
    send(link_conn.fd, "n", 1, 0);
    send(link_conn.ctl, "c", 1, 0);
    pthread_mutex_unlock(&link_conn.lock);
    return NULL;
}

int main(void)
{
    pthread_t t;
    int sv[2];
    int fd = socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK, 0);
    if (fd < 0)
        return 1;
    link_conn.fd = fd;
    if (socketpair(AF_UNIX, SOCK_DGRAM, 0, sv) != 0)
        return 1;
    conn_attach(&link_conn, sv[0]);
    if (pthread_create(&t, NULL, notifier, NULL) != 0)
        return 1;
    pthread_join(t, NULL);
    return 0;
}
