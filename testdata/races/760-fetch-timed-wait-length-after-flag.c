/* Pattern: an HTTP fetch helper with a deadline. The fetcher thread
 * copies the body, sets `complete` under the mutex and wakes the caller,
 * and only then records the body length, outside the lock. The caller
 * waits with a deadline, tests `complete` again under the mutex and reads
 * the body and its length when it was set.
 * Verdict: racy. The length is stored after the store of `complete`:
 * seeing the flag set does not order the caller's read of the length
 * after that store.
 */
// class: condvar-handshake
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

struct fetch {
    pthread_mutex_t mu;
    pthread_cond_t cv;
    int complete;
    size_t body_len;
    char body[128];
    char url[64];
};

static struct fetch req = { PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, 0, 0, "", "http://a/" };

static void *fetcher(void *arg)
{
    struct fetch *f = arg;
    snprintf(f->body, sizeof f->body, "<html>%s</html>", f->url);
    pthread_mutex_lock(&f->mu);
    f->complete = 1;
    pthread_cond_signal(&f->cv);
    pthread_mutex_unlock(&f->mu);
    f->body_len = strlen(f->body); // expect: CL002
    return NULL;
}

static long fetch_with_timeout(struct fetch *f, int secs, char *out, size_t cap)
{
    pthread_t t;
    struct timespec ts;
    if (pthread_create(&t, NULL, fetcher, f) != 0)
        return -1;
    pthread_detach(t);
    clock_gettime(CLOCK_REALTIME, &ts);
    ts.tv_sec += secs;
    pthread_mutex_lock(&f->mu);
    while (!f->complete) {
        if (pthread_cond_timedwait(&f->cv, &f->mu, &ts) == ETIMEDOUT)
            break;
    }
    if (!f->complete) {
        pthread_mutex_unlock(&f->mu);
        return -ETIMEDOUT;
    }
    pthread_mutex_unlock(&f->mu);
    size_t n = f->body_len < cap - 1 ? f->body_len : cap - 1;
    memcpy(out, f->body, n);
    out[n] = '\0';
    return (long)n;
}

int main(void)
{
    char buf[128];
    printf("%ld\n", fetch_with_timeout(&req, 1, buf, sizeof buf));
    return 0;
}
