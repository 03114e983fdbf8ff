/* CL001 positive: the twin of 56 where the helper only looks at the slot
 * count (it counts the connection when there is room and returns either
 * way) and the accept loop starts the thread whatever it found: nothing
 * waits and nothing refuses, so a burst of connections is a burst of
 * threads. A helper's `if` filters only its own path, not its caller's.
 */
#include <pthread.h>
#include <sys/socket.h>
#include <unistd.h>

#define MAX_CONNS 128

static pthread_mutex_t conn_lock = PTHREAD_MUTEX_INITIALIZER;
static int nlive, over_limit;

static void *conn_main(void *arg)
{
    int fd = (int)(long)arg;
    char buf[256];
    while (recv(fd, buf, sizeof buf, 0) > 0)
        ;
    close(fd);
    pthread_mutex_lock(&conn_lock);
    nlive--;
    pthread_mutex_unlock(&conn_lock);
    return NULL;
}

static void note_slot(void)
{
    pthread_mutex_lock(&conn_lock);
    if (nlive >= MAX_CONNS)
        over_limit++;
    else
        nlive++;
    pthread_mutex_unlock(&conn_lock);
}

int main(void)
{
    int lfd = socket(AF_INET, SOCK_STREAM, 0);
    for (;;) {
        int fd = accept(lfd, NULL, NULL);
        if (fd < 0)
            continue;
        note_slot();
        pthread_t t;
        if (pthread_create(&t, NULL, conn_main, (void *)(long)fd) != 0) { // expect: CL001
            close(fd);
            continue;
        }
        pthread_detach(t);
    }
}
