/* CL004 negative: a goto cleanup ladder done right. Every path after the
 * worker started leaves through the `stop` label, which cancels and joins
 * the scanner before the frame holding `sc` goes away; the timeout path
 * jumps there too. Shaped like the single-exit functions of libgit2 and
 * libcurl.
 */
// expect-none
#include <errno.h>
#include <pthread.h>
#include <time.h>

int scan_tree(const char *root, unsigned long *files);  /* walk.c: slow */

struct scan {
    pthread_mutex_t mu;
    pthread_cond_t cv;
    const char *root;
    unsigned long files;
    int done, rc;
};

static void *scan_main(void *arg)
{
    struct scan *sc = arg;
    unsigned long n = 0;
    int rc = scan_tree(sc->root, &n);
    pthread_mutex_lock(&sc->mu);
    sc->files = n;
    sc->rc = rc;
    sc->done = 1;
    pthread_cond_signal(&sc->cv);
    pthread_mutex_unlock(&sc->mu);
    return NULL;
}

int count_files(const char *root, int secs, unsigned long *out)
{
    struct scan sc = { .mu = PTHREAD_MUTEX_INITIALIZER, .cv = PTHREAD_COND_INITIALIZER,
                       .root = root };
    struct timespec deadline;
    pthread_t tid;
    unsigned long files = 0;
    int rc = 0, ret = -1, scan_rc = -1;
    if (pthread_create(&tid, NULL, scan_main, &sc) != 0)
        return -1;
    clock_gettime(CLOCK_REALTIME, &deadline);
    deadline.tv_sec += secs;
    pthread_mutex_lock(&sc.mu);
    while (!sc.done && rc != ETIMEDOUT)
        rc = pthread_cond_timedwait(&sc.cv, &sc.mu, &deadline);
    files = sc.files;
    scan_rc = sc.rc;
    pthread_mutex_unlock(&sc.mu);
    if (rc == ETIMEDOUT)
        goto stop;
    *out = files;
    ret = scan_rc;
stop:
    pthread_cancel(tid);
    pthread_join(tid, NULL);
    return ret;
}
