/* CL010 negative: the server's listening connection lives in a global
 * struct; main() makes its descriptor non-blocking through a setup helper
 * that takes the struct by pointer (fcntl(c->fd, F_SETFL, ... O_NONBLOCK)),
 * and the workers poll it with recv(srv.fd, ...) under the stats lock.
 * The descriptor is the same member, `fd`, reached once through a pointer
 * and once by name: the recv does not wait (found by a fresh-eyes trial).
 */
// expect-none
#include <fcntl.h>
#include <pthread.h>
#include <sys/socket.h>
#include <unistd.h>

struct conn {
    int fd;
    long bytes;
};

static struct conn srv;
static pthread_mutex_t stats_lock = PTHREAD_MUTEX_INITIALIZER;

static int conn_setup(struct conn *c)
{
    c->fd = socket(AF_INET, SOCK_DGRAM, 0);
    if (c->fd < 0)
        return -1;
    int fl = fcntl(c->fd, F_GETFL, 0);
    return fcntl(c->fd, F_SETFL, fl | O_NONBLOCK);
}

static void *worker(void *arg)
{
    char buf[512];
    (void)arg;
    for (int i = 0; i < 1000; i++) {
        pthread_mutex_lock(&stats_lock);
        ssize_t n = recv(srv.fd, buf, sizeof buf, 0);
        if (n > 0)
            srv.bytes += n;
        pthread_mutex_unlock(&stats_lock);
    }
    return NULL;
}

int main(void)
{
    pthread_t t[2];
    if (conn_setup(&srv) != 0)
        return 1;
    for (int i = 0; i < 2; i++)
        pthread_create(&t[i], NULL, worker, NULL);
    for (int i = 0; i < 2; i++)
        pthread_join(t[i], NULL);
    close(srv.fd);
    return 0;
}
