/* CL009 negative: the wait is in a wrapper (as in many projects' own
 * cond_wait helpers that check the return code); every caller loops on
 * its predicate. */
// expect-none
#include <pthread.h>
#include <stdlib.h>

struct chan { pthread_mutex_t lock; pthread_cond_t cv; int count; int closed; };

static void chan_cond_wait(struct chan *c)
{
    if (pthread_cond_wait(&c->cv, &c->lock) != 0)
        abort();
}

static int chan_recv(struct chan *c)
{
    pthread_mutex_lock(&c->lock);
    while (c->count == 0 && !c->closed)
        chan_cond_wait(c);
    int got = c->count > 0;
    if (got)
        c->count--;
    pthread_mutex_unlock(&c->lock);
    return got;
}

static void *reader(void *arg)
{
    while (chan_recv(arg))
        ;
    return NULL;
}

int main(void)
{
    static struct chan c = { PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, 0, 0 };
    pthread_t t;
    pthread_create(&t, NULL, reader, &c);
    pthread_mutex_lock(&c.lock);
    c.count = 3;
    c.closed = 1;
    pthread_cond_broadcast(&c.cv);
    pthread_mutex_unlock(&c.lock);
    pthread_join(t, NULL);
    return 0;
}
