/* CL010 negative: the notification socket is made non-blocking by a
 * constructor function (before main), so the worker's send under the
 * stats lock returns at once instead of blocking. */
// expect-none
#include <fcntl.h>
#include <pthread.h>
#include <sys/socket.h>

static pthread_mutex_t stats_lock = PTHREAD_MUTEX_INITIALIZER;
static int notify_fd = -1;
static long sent;

__attribute__((constructor)) static void open_notify(void)
{
    notify_fd = socket(AF_UNIX, SOCK_DGRAM, 0);
    int fl = fcntl(notify_fd, F_GETFL, 0);
    fcntl(notify_fd, F_SETFL, fl | O_NONBLOCK);
}

static void *worker(void *arg)
{
    (void)arg;
    for (int i = 0; i < 10; i++) {
        pthread_mutex_lock(&stats_lock);
        if (send(notify_fd, "x", 1, 0) == 1)
            sent++;
        pthread_mutex_unlock(&stats_lock);
    }
    return NULL;
}

int main(void)
{
    pthread_t t[2];
    for (int i = 0; i < 2; i++)
        pthread_create(&t[i], NULL, worker, NULL);
    for (int i = 0; i < 2; i++)
        pthread_join(t[i], NULL);
    return 0;
}
