/* Pattern: a client library's connect with a timeout. A background
 * connector thread opens the connection and publishes the descriptor and
 * the negotiated protocol version, then sets `connected` under the
 * client's mutex. wait_connected() waits with a deadline (the loop also
 * ends on the timedwait's error), tests the flag again under the mutex,
 * and returns the descriptor only when it was set.
 * Verdict: race-free. The descriptor is written before `connected` is
 * set under the mutex; wait_connected() reads it only after it saw the
 * flag set under the same mutex.
 */
// expect-none
// class: condvar-handshake
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <time.h>

struct client {
    pthread_mutex_t mu;
    pthread_cond_t cv;
    int connected;
    int fd;
    int proto;
    int port;
};

static struct client cli = { PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, 0, -1, 0, 6379 };

static void *connector(void *arg)
{
    struct client *c = arg;
    c->fd = 3 + (c->port & 1);
    c->proto = 3;
    pthread_mutex_lock(&c->mu);
    c->connected = 1;
    pthread_cond_broadcast(&c->cv);
    pthread_mutex_unlock(&c->mu);
    return NULL;
}

static int wait_connected(struct client *c, int ms)
{
    struct timespec ts;
    int err = 0;
    clock_gettime(CLOCK_REALTIME, &ts);
    ts.tv_nsec += (long)ms * 1000000L;
    if (ts.tv_nsec >= 1000000000L) {
        ts.tv_sec += ts.tv_nsec / 1000000000L;
        ts.tv_nsec %= 1000000000L;
    }
    pthread_mutex_lock(&c->mu);
    while (c->connected == 0 && err == 0)
        err = pthread_cond_timedwait(&c->cv, &c->mu, &ts);
    if (c->connected == 0) {
        pthread_mutex_unlock(&c->mu);
        return -ETIMEDOUT;
    }
    pthread_mutex_unlock(&c->mu);
    return c->fd;
}

int main(void)
{
    pthread_t t;
    if (pthread_create(&t, NULL, connector, &cli) != 0)
        return 1;
    pthread_detach(t);
    int fd = wait_connected(&cli, 500);
    if (fd < 0) {
        fprintf(stderr, "connect timed out\n");
        return 1;
    }
    printf("fd %d\n", fd);
    return 0;
}
