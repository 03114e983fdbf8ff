/* CL005 negative (a connection reaper): a retry loop tries the lock of
 * each connection, skipping busy ones with `continue`; the result is
 * tested twice (EBUSY, then any error). Each round unlocks what it took.
 */
// class: trylock-result
// expect-none
#include <errno.h>
#include <pthread.h>

struct conn {
    pthread_mutex_t lock;
    int idle;
    int closed;
};

static struct conn conns[8];

static int reap(void)
{
    int n = 0;
    for (int i = 0; i < 8; i++) {
        struct conn *c = &conns[i];
        int rc = pthread_mutex_trylock(&c->lock);
        if (rc == EBUSY)
            continue;
        if (rc)
            break;
        if (c->idle > 10) {
            c->closed = 1;
            n++;
        }
        pthread_mutex_unlock(&c->lock);
    }
    return n;
}

static void *reaper(void *arg)
{
    reap();
    return arg;
}

int main(void)
{
    pthread_t t;
    for (int i = 0; i < 8; i++)
        pthread_mutex_init(&conns[i].lock, NULL);
    pthread_create(&t, NULL, reaper, NULL);
    reap();
    pthread_join(t, NULL);
    return 0;
}
