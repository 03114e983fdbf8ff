/* CL004 positive: the worker's hand-off is two project calls down. The
 * fetch worker calls finish_fetch(), which calls publish() with the slot
 * in the caller's stack frame; publish() locks the slot's mutex and
 * stores the length. When sem_timedwait() expires the caller returns, and
 * the worker then locks and writes a mutex in a dead frame. The related
 * location is the write in publish().
 */
#include <pthread.h>
#include <semaphore.h>
#include <stddef.h>
#include <time.h>

struct slot {
    pthread_mutex_t m;
    long len;
};

struct fetch {
    const char *url;
    struct slot res;
    sem_t done;
};

long http_get(const char *url);          /* http.c: may block on the network */

static void publish(struct slot *s, long len)
{
    pthread_mutex_lock(&s->m);
    s->len = len; // expect-related: CL004 {{'fetch_main' writes 's->len' into this function's stack frame}}
    pthread_mutex_unlock(&s->m);
}

static void finish_fetch(struct fetch *f, long len)
{
    publish(&f->res, len);
    sem_post(&f->done);
}

static void *fetch_main(void *arg)
{
    struct fetch *f = arg;
    finish_fetch(f, http_get(f->url));
    return NULL;
}

long fetch_with_timeout(const char *url, const struct timespec *deadline)
{
    struct fetch f = { url, { PTHREAD_MUTEX_INITIALIZER, 0 }, { { 0 } } };
    pthread_t tid;
    sem_init(&f.done, 0, 0);
    if (pthread_create(&tid, NULL, fetch_main, &f) != 0) // expect: CL012 {{a local of}}
        return -1;
    if (sem_timedwait(&f.done, deadline) != 0)
        return -1; // expect: CL004
    pthread_join(tid, NULL);
    return f.res.len;
}

int main(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    ts.tv_sec += 2;
    return fetch_with_timeout("http://localhost/", &ts) < 0;
}
