/* CL010 negative (a request handler): the handler looks up the session
 * under the lock, copies what it needs, releases the lock and only then
 * reads the request body from the accepted socket.
 */
// class: socket-io-under-lock
// expect-none
#include <pthread.h>
#include <stdint.h>
#include <sys/socket.h>
#include <unistd.h>

static pthread_mutex_t sessions_lock = PTHREAD_MUTEX_INITIALIZER;
static int session_limit = 64;
static int nsessions;

static void serve(int fd)
{
    char body[512];
    int allowed;
    pthread_mutex_lock(&sessions_lock);
    allowed = nsessions < session_limit;
    if (allowed)
        nsessions++;
    pthread_mutex_unlock(&sessions_lock);
    if (allowed && read(fd, body, sizeof body) > 0)
        write(fd, "ok\n", 3);
    pthread_mutex_lock(&sessions_lock);
    if (allowed)
        nsessions--;
    pthread_mutex_unlock(&sessions_lock);
}

static void *acceptor(void *arg)
{
    int lfd = (int)(intptr_t)arg;
    for (int i = 0; i < 100; i++) {
        int cfd = accept(lfd, NULL, NULL);
        if (cfd < 0)
            break;
        serve(cfd);
        close(cfd);
    }
    return NULL;
}

int main(void)
{
    pthread_t t[2];
    int lfd = socket(AF_INET, SOCK_STREAM, 0);
    for (int i = 0; i < 2; i++)
        pthread_create(&t[i], NULL, acceptor, (void *)(intptr_t)lfd);
    for (int i = 0; i < 2; i++)
        pthread_join(t[i], NULL);
    return 0;
}
