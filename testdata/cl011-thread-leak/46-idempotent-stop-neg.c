/* CL011 negative: the stop function is called from the error path and
 * again at exit, but it joins only while the thread is marked running and
 * clears the mark, so the second call does nothing. */
// expect-none
#include <pthread.h>
#include <stdatomic.h>

struct ticker { pthread_t tid; int running; atomic_int quit; };

static void *tick_main(void *arg)
{
    struct ticker *t = arg;
    while (!atomic_load(&t->quit))
        ;
    return NULL;
}

static void ticker_stop(struct ticker *t)
{
    if (!t->running)
        return;
    atomic_store(&t->quit, 1);
    pthread_join(t->tid, NULL);
    t->running = 0;
}

int ticker_session(struct ticker *t, int fail);
int ticker_session(struct ticker *t, int fail)
{
    atomic_store(&t->quit, 0);
    if (pthread_create(&t->tid, NULL, tick_main, t) != 0)
        return -1;
    t->running = 1;
    if (fail)
        ticker_stop(t);
    ticker_stop(t);
    return fail ? -1 : 0;
}
