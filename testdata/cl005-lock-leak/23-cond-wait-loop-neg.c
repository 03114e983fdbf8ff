/* CL005 negative: a worker waits on a condition variable inside a locked
 * loop (pthread_cond_wait gives the mutex back and takes it again) and
 * leaves through a path that unlocks first.
 */
// expect-none
#include <pthread.h>

struct pool { pthread_mutex_t m; pthread_cond_t cv; int pending, stop; };
static struct pool pl = { PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, 0, 0 };

static void *worker(void *arg)
{
    struct pool *p = arg;
    for (;;) {
        pthread_mutex_lock(&p->m);
        while (p->pending == 0 && !p->stop)
            pthread_cond_wait(&p->cv, &p->m);
        if (p->stop) {
            pthread_mutex_unlock(&p->m);
            return NULL;
        }
        p->pending--;
        pthread_mutex_unlock(&p->m);
    }
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, worker, &pl);
    pthread_mutex_lock(&pl.m);
    pl.stop = 1;
    pthread_cond_signal(&pl.cv);
    pthread_mutex_unlock(&pl.m);
    pthread_join(t, NULL);
    return 0;
}
