/* Pattern: a load balancer's health check. check_backend() starts a
 * prober thread per check and waits for its verdict with a deadline:
 * the wait loop also ends when pthread_cond_timedwait times out, so after
 * it the function tests the `done` flag again, under the mutex, and gives
 * up when it is still clear. Only then does it read the status and the
 * banner the prober stored before it set `done` under that mutex.
 * Verdict: race-free. The prober writes status and banner, then sets
 * `done` under the mutex; the checker reads them only on the path where
 * it saw `done` set under the same mutex, so the writes happen before the
 * reads (the prober never touches them again). On the timeout path it
 * reads neither.
 */
// expect-none
// class: condvar-handshake
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

struct probe {
    pthread_mutex_t mu;
    pthread_cond_t cv;
    int done;
    int status;
    char banner[64];
    const char *host;
};

static struct probe the_probe = { PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, 0, 0, "", "db1" };

static void *prober(void *arg)
{
    struct probe *p = arg;
    p->status = 200;
    snprintf(p->banner, sizeof p->banner, "OK %s", p->host);
    pthread_mutex_lock(&p->mu);
    p->done = 1;
    pthread_cond_signal(&p->cv);
    pthread_mutex_unlock(&p->mu);
    return NULL;
}

static int check_backend(struct probe *p, char *why, size_t len)
{
    pthread_t t;
    struct timespec deadline;
    int rc = 0;

    if (pthread_create(&t, NULL, prober, p) != 0)
        return -1;
    pthread_detach(t);
    clock_gettime(CLOCK_REALTIME, &deadline);
    deadline.tv_sec += 2;

    pthread_mutex_lock(&p->mu);
    while (!p->done && rc != ETIMEDOUT)
        rc = pthread_cond_timedwait(&p->cv, &p->mu, &deadline);
    if (!p->done) {
        pthread_mutex_unlock(&p->mu);
        snprintf(why, len, "timeout");
        return -1;
    }
    pthread_mutex_unlock(&p->mu);
    snprintf(why, len, "%s", p->banner);
    return p->status == 200 ? 0 : -1;
}

int main(void)
{
    char why[64];
    int up = check_backend(&the_probe, why, sizeof why) == 0;
    printf("%s: %s\n", up ? "up" : "down", why);
    return 0;
}
