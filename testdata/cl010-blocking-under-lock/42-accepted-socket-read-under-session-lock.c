/* CL010 positive (a chat server): each accepted connection's descriptor is
 * handed to a helper that reads the client's next line while it holds the
 * session table's lock; a client that connects and says nothing stalls
 * every other connection's thread at that lock.
 */
// class: socket-io-under-lock
#include <netinet/in.h>
#include <pthread.h>
#include <stdint.h>
#include <sys/socket.h>
#include <unistd.h>

static pthread_mutex_t sessions_lock = PTHREAD_MUTEX_INITIALIZER;
static char last_line[256];
static int nsessions;

static int read_hello(int fd)
{
    int n;
    pthread_mutex_lock(&sessions_lock);
    nsessions++;
    n = (int)read(fd, last_line, sizeof last_line - 1); // expect: CL010 {{'read' can block for long while 'sessions_lock' is held}}
    pthread_mutex_unlock(&sessions_lock);
    return n;
}

static void *client(void *arg)
{
    int fd = (int)(intptr_t)arg;
    read_hello(fd);
    close(fd);
    return NULL;
}

static void *acceptor(void *arg)
{
    int lfd = (int)(intptr_t)arg;
    for (int i = 0; i < 64; i++) {
        int cfd = accept(lfd, NULL, NULL);
        if (cfd < 0)
            break;
        if (read_hello(cfd) <= 0)
            close(cfd);
    }
    return NULL;
}

int main(void)
{
    pthread_t a, b;
    int lfd = socket(AF_INET, SOCK_STREAM, 0);
    if (lfd < 0 || listen(lfd, 16) != 0)
        return 1;
    pthread_create(&a, NULL, acceptor, (void *)(intptr_t)lfd);
    pthread_create(&b, NULL, client, (void *)(intptr_t)0);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    return 0;
}
