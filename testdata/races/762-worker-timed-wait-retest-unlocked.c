/* Pattern: a thumbnailer waits for its render thread with a deadline,
 * but tests the `ready` flag again only after dropping the mutex, then
 * reads the rendered size.
 * Verdict: racy. The re-test reads `ready` without the mutex the render
 * thread holds when it sets it: a race on the flag itself, and seeing it
 * set that way orders nothing.
 */
// class: condvar-handshake
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <time.h>

struct thumb {
    pthread_mutex_t mu;
    pthread_cond_t cv;
    int ready;
    int width, height;
};

static struct thumb th = { PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, 0, 0, 0 };

static void *render(void *arg)
{
    struct thumb *t = arg;
    t->width = 128; // expect: CL002
    t->height = 96;
    pthread_mutex_lock(&t->mu);
    t->ready = 1;
    pthread_cond_signal(&t->cv);
    pthread_mutex_unlock(&t->mu);
    return NULL;
}

static int thumbnail(struct thumb *t, int *w, int *h)
{
    pthread_t tid;
    struct timespec ts;
    int rc = 0;
    if (pthread_create(&tid, NULL, render, t) != 0)
        return -1;
    pthread_detach(tid);
    clock_gettime(CLOCK_REALTIME, &ts);
    ts.tv_sec += 1;
    pthread_mutex_lock(&t->mu);
    while (!t->ready && rc == 0)
        rc = pthread_cond_timedwait(&t->cv, &t->mu, &ts);
    pthread_mutex_unlock(&t->mu);
    if (!t->ready) // expect: CL002
        return -ETIMEDOUT;
    *w = t->width;
    *h = t->height;
    return 0;
}

int main(void)
{
    int w = 0, h = 0;
    int rc = thumbnail(&th, &w, &h);
    printf("%d %dx%d\n", rc, w, h);
    return 0;
}
