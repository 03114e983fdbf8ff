/* CL010 negative: an accepted connection made non-blocking by accept4()
 * in the same function; the first read happens under the table lock. */
// expect-none
#include <pthread.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <unistd.h>

#define _GNU_SOURCE 1
int accept4(int, struct sockaddr *, socklen_t *, int);

static pthread_mutex_t table_lock = PTHREAD_MUTEX_INITIALIZER;
static int nclients;
static char first_bytes[16];

static void *acceptor(void *arg)
{
    int lfd = *(int *)arg;
    int fd = accept4(lfd, NULL, NULL, SOCK_NONBLOCK);
    if (fd < 0)
        return NULL;
    pthread_mutex_lock(&table_lock);
    nclients++;
    if (recv(fd, first_bytes, sizeof first_bytes, 0) < 0)
        nclients--;
    pthread_mutex_unlock(&table_lock);
    close(fd);
    return NULL;
}

int main(void)
{
    static int lfd = 3;
    pthread_t t;
    pthread_create(&t, NULL, acceptor, &lfd);
    pthread_mutex_lock(&table_lock);
    int n = nclients;
    pthread_mutex_unlock(&table_lock);
    pthread_join(t, NULL);
    return n;
}
