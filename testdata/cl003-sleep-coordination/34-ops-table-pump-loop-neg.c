/* CL003 negative: a periodic loop through a function-pointer table that
 * does work. The replication thread calls ops->pump() every 50 ms until
 * main sets `stopping`; pump() sends the backlog on the wire (real work),
 * so the sleep paces work and the loop is not a poll.
 */
// expect-none
#include <pthread.h>
#include <sys/socket.h>
#include <unistd.h>

struct repl_ops {
    void (*pump)(int fd);
};

static pthread_mutex_t ctl_lock = PTHREAD_MUTEX_INITIALIZER;
static int stopping;                     /* guarded by ctl_lock */
static char backlog[512];

static void tcp_pump(int fd)
{
    send(fd, backlog, sizeof backlog, 0);
}

static const struct repl_ops tcp_ops = { tcp_pump };

static int should_stop(void)
{
    pthread_mutex_lock(&ctl_lock);
    int s = stopping;
    pthread_mutex_unlock(&ctl_lock);
    return s;
}

static void *repl_main(void *arg)
{
    const struct repl_ops *ops = &tcp_ops;
    int fd = *(const int *)arg;
    while (!should_stop()) {
        ops->pump(fd);
        usleep(50 * 1000);
    }
    return NULL;
}

int main(void)
{
    static int fd = 3;
    pthread_t repl;
    if (pthread_create(&repl, NULL, repl_main, &fd) != 0)
        return 1;
    sleep(1);
    pthread_mutex_lock(&ctl_lock);
    stopping = 1;
    pthread_mutex_unlock(&ctl_lock);
    return pthread_join(repl, NULL);
}
