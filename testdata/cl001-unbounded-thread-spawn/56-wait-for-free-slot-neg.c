/* CL001 negative: an accept loop that starts a thread per connection, but
 * only after waiting, under the connection lock, until a slot is free
 * (`while (nlive >= MAX_CONNS) pthread_cond_wait(..); nlive++;`); each
 * connection thread gives its slot back and signals. The number of live
 * threads is bounded by MAX_CONNS: the wait is the admission check, as the
 * reject-and-continue form is (found by a fresh-eyes trial).
 */
// expect-none
#include <pthread.h>
#include <sys/socket.h>
#include <unistd.h>

#define MAX_CONNS 128

static pthread_mutex_t conn_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t slot_free = PTHREAD_COND_INITIALIZER;
static int nlive;

static void *conn_main(void *arg)
{
    int fd = (int)(long)arg;
    char buf[256];
    while (recv(fd, buf, sizeof buf, 0) > 0)
        ;
    close(fd);
    pthread_mutex_lock(&conn_lock);
    nlive--;
    pthread_cond_signal(&slot_free);
    pthread_mutex_unlock(&conn_lock);
    return NULL;
}

static void wait_for_slot(void)
{
    pthread_mutex_lock(&conn_lock);
    while (nlive >= MAX_CONNS)
        pthread_cond_wait(&slot_free, &conn_lock);
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
        wait_for_slot();
        pthread_t t;
        if (pthread_create(&t, NULL, conn_main, (void *)(long)fd) != 0) {
            close(fd);
            continue;
        }
        pthread_detach(t);
    }
}
