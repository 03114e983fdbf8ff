/* CL010 positive, the twin of 98: the socket is created blocking and
 * copied into the connection object; a send under the connection's lock
 * can wait for buffer space while every other user of the lock waits.
 */
// class: nonblocking-descriptor
#include <pthread.h>
#include <sys/socket.h>

struct conn {
    pthread_mutex_t lock;
    int fd;
};

static struct conn link_conn = { PTHREAD_MUTEX_INITIALIZER, -1 };

static void *notifier(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&link_conn.lock);
    send(link_conn.fd, "n", 1, 0); // expect: CL010
    pthread_mutex_unlock(&link_conn.lock);
    return NULL;
}

int main(void)
{
    pthread_t t;
    int fd = socket(AF_INET, SOCK_DGRAM, 0);
    if (fd < 0)
        return 1;
    link_conn.fd = fd;
    if (pthread_create(&t, NULL, notifier, NULL) != 0)
        return 1;
    pthread_mutex_lock(&link_conn.lock);
    link_conn.fd = fd;
    pthread_mutex_unlock(&link_conn.lock);
    pthread_join(t, NULL);
    return 0;
}
