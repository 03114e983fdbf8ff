/* CL010 positive: a completion built from a mutex, a condition variable
 * and a count. The I/O thread only posts it (complete), the submitter only
 * waits on it, and it waits holding the request table lock: every other
 * submitter stalls until the I/O thread finishes. A signal, not a lock. */
#include <pthread.h>

struct completion {
    pthread_mutex_t mu;
    pthread_cond_t cv;
    int done;
};

static struct completion io_done = { PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, 0 };
static pthread_mutex_t req_lock = PTHREAD_MUTEX_INITIALIZER;
static int pending;

static void wait_for_completion(struct completion *c)
{
    pthread_mutex_lock(&c->mu);
    while (!c->done)
        pthread_cond_wait(&c->cv, &c->mu);
    c->done--;
    pthread_mutex_unlock(&c->mu);
}

static void complete(struct completion *c)
{
    pthread_mutex_lock(&c->mu);
    c->done++;
    pthread_cond_signal(&c->cv);
    pthread_mutex_unlock(&c->mu);
}

static void *io_thread(void *arg)
{
    (void)arg;
    complete(&io_done);
    return NULL;
}

static void *submitter(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&req_lock);
    pending++;
    wait_for_completion(&io_done); // expect: CL010
    pending--;
    pthread_mutex_unlock(&req_lock);
    return NULL;
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, NULL, submitter, NULL);
    pthread_create(&b, NULL, io_thread, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    return 0;
}
