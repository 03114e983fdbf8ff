/* CL010 negative (an event-driven server): connections are accepted
 * non-blocking (accept4 with SOCK_NONBLOCK), so the read the handler makes
 * under the connection table's lock returns EAGAIN at once when the client
 * has sent nothing.
 */
// class: socket-io-under-lock
// expect-none
#define _GNU_SOURCE
#include <pthread.h>
#include <stdint.h>
#include <sys/socket.h>
#include <unistd.h>

static pthread_mutex_t table_lock = PTHREAD_MUTEX_INITIALIZER;
static char pending[4096];
static size_t npending;

static void drain(int fd)
{
    pthread_mutex_lock(&table_lock);
    ssize_t n = read(fd, pending + npending, sizeof pending - npending);
    if (n > 0)
        npending += (size_t)n;
    pthread_mutex_unlock(&table_lock);
}

static void *loop(void *arg)
{
    int lfd = (int)(intptr_t)arg;
    for (int i = 0; i < 100; i++) {
        int fd = accept4(lfd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
        if (fd < 0)
            continue;
        drain(fd);
        close(fd);
    }
    return NULL;
}

int main(void)
{
    pthread_t t[2];
    int lfd = socket(AF_INET, SOCK_STREAM, 0);
    for (int i = 0; i < 2; i++)
        pthread_create(&t[i], NULL, loop, (void *)(intptr_t)lfd);
    for (int i = 0; i < 2; i++)
        pthread_join(t[i], NULL);
    return 0;
}
