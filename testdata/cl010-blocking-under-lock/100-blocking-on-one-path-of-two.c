/* CL010 positive: the connection's descriptor is a blocking stream socket
 * on one path and a non-blocking datagram socket on the other; on the
 * first path the send under the lock can wait.
 */
// class: nonblocking-descriptor
#include <pthread.h>
#include <sys/socket.h>

struct conn {
    pthread_mutex_t lock;
    int fd;
};

static struct conn out = { PTHREAD_MUTEX_INITIALIZER, -1 };

static void *sender(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&out.lock);
    send(out.fd, "x", 1, 0); // expect: CL010
    pthread_mutex_unlock(&out.lock);
    return NULL;
}

int main(int argc, char **argv)
{
    (void)argv;
    pthread_t t;
    if (argc > 1) {
        int dgram = socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK, 0);
        out.fd = dgram;
    } else {
        int stream = socket(AF_INET, SOCK_STREAM, 0);
        out.fd = stream;
    }
    if (pthread_create(&t, NULL, sender, NULL) != 0)
        return 1;
    pthread_join(t, NULL);
    return 0;
}
