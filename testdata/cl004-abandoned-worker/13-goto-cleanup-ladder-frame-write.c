/* CL004 positive: a goto cleanup ladder, the shape of C library code that
 * keeps one exit per function (libcurl, libgit2). fetch_with_deadline()
 * starts a fetcher that fills `st`, a struct on the caller's stack, and
 * waits for it with pthread_cond_timedwait(). On timeout it jumps to the
 * `fail` label, which frees the buffer and returns -- the fetcher is never
 * joined, detached or cancelled and later writes `st.len` and `st.status`
 * into a dead frame. The success path joins before `out`.
 */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <time.h>

long http_get(const char *url, char *buf, size_t cap, int *status);  /* net.c */

struct fetch_state {
    pthread_mutex_t mu;
    pthread_cond_t cv;
    const char *url;
    char *buf;
    size_t cap;
    long len;
    int status, done;
};

static void *fetch_main(void *arg)
{
    struct fetch_state *st = arg;
    int status = 0;
    long len = http_get(st->url, st->buf, st->cap, &status);
    pthread_mutex_lock(&st->mu);
    st->len = len;
    st->status = status;
    st->done = 1;
    pthread_cond_signal(&st->cv);
    pthread_mutex_unlock(&st->mu);
    return NULL;
}

long fetch_with_deadline(const char *url, int secs, int *status_out)
{
    struct fetch_state st = { .mu = PTHREAD_MUTEX_INITIALIZER,
                              .cv = PTHREAD_COND_INITIALIZER, .url = url, .cap = 65536 };
    struct timespec deadline;
    pthread_t tid;
    long ret = -1;
    int rc = 0;
    st.buf = malloc(st.cap);
    if (st.buf == NULL)
        goto out;
    if (pthread_create(&tid, NULL, fetch_main, &st) != 0) // expect: CL012 {{a local of}}
        goto fail;
    clock_gettime(CLOCK_REALTIME, &deadline);
    deadline.tv_sec += secs;
    pthread_mutex_lock(&st.mu);
    while (!st.done && rc != ETIMEDOUT)
        rc = pthread_cond_timedwait(&st.cv, &st.mu, &deadline);
    pthread_mutex_unlock(&st.mu);
    if (rc == ETIMEDOUT)
        goto fail;
    pthread_join(tid, NULL);
    *status_out = st.status;
    ret = st.len;
    goto out;
fail:
    free(st.buf);
    return -1; // expect: CL004
out:
    return ret;
}
