/* CL003 positive through a sleep wrapper: the project's msleep() wraps
 * nanosleep() and does nothing else. The startup code polls the backend's
 * `ready` flag (read under its lock by backend_ready()) with msleep(10)
 * until the backend thread sets it. The finding lands on the msleep() call
 * in the poll loop.
 */
#include <pthread.h>
#include <time.h>

struct backend {
    pthread_mutex_t lock;
    int ready;                           /* guarded by lock */
    int port;                            /* set before the spawn */
};

int backend_listen(int port);            /* net.c */

static void msleep(long ms)
{
    struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };
    nanosleep(&ts, NULL);
}

static int backend_ready(struct backend *be)
{
    pthread_mutex_lock(&be->lock);
    int r = be->ready;
    pthread_mutex_unlock(&be->lock);
    return r;
}

static void *backend_main(void *arg)
{
    struct backend *be = arg;
    int fd = backend_listen(be->port);
    pthread_mutex_lock(&be->lock);
    be->ready = fd >= 0;
    pthread_mutex_unlock(&be->lock);
    return NULL;
}

int start_backend(struct backend *be, pthread_t *tid)
{
    if (pthread_create(tid, NULL, backend_main, be) != 0)
        return -1;
    while (!backend_ready(be))
        msleep(10); // expect: CL003
    return 0;
}

int main(void)
{
    static struct backend be = { .lock = PTHREAD_MUTEX_INITIALIZER, .port = 7070 };
    pthread_t tid;
    if (start_backend(&be, &tid) != 0)
        return 1;
    return pthread_join(tid, NULL);
}
