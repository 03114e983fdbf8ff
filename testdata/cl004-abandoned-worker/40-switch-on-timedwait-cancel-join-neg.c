/* CL004 negative: the result of sem_timedwait() is dispatched with a
 * switch. `case 0` joins the worker; the default case (timeout or error)
 * cancels the worker, blocked in recv() (a cancellation point), and joins
 * it before returning. Every path out handles the thread.
 */
// expect-none
#include <pthread.h>
#include <semaphore.h>
#include <sys/socket.h>
#include <time.h>

struct probe {
    int fd;
    char reply[64];
    sem_t got;
};

static void *probe_main(void *arg)
{
    struct probe *p = arg;
    recv(p->fd, p->reply, sizeof p->reply, 0);
    sem_post(&p->got);
    return NULL;
}

int probe_peer(int fd, const struct timespec *deadline)
{
    struct probe p = { .fd = fd };
    pthread_t tid;
    sem_init(&p.got, 0, 0);
    if (pthread_create(&tid, NULL, probe_main, &p) != 0)
        return -1;
    switch (sem_timedwait(&p.got, deadline)) {
    case 0:
        pthread_join(tid, NULL);
        return p.reply[0] == '+';
    default:
        pthread_cancel(tid);
        pthread_join(tid, NULL);
        return -1;
    }
}

int main(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    ts.tv_sec += 1;
    return probe_peer(0, &ts) < 0;
}
