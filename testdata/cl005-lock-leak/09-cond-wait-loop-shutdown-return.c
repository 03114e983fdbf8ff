/* CL005 positive: a worker waits for work under the queue lock; the
 * shutdown check inside the wait loop returns with the lock held (the
 * other workers, woken by the broadcast, never get the lock back).
 */
#include <pthread.h>
#include <stddef.h>

struct pool { pthread_mutex_t m; pthread_cond_t cv; int pending, stop; };

static struct pool pl = { PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, 0, 0 };

static void *worker(void *arg)
{
    struct pool *p = arg;
    for (;;) {
        pthread_mutex_lock(&p->m);
        while (p->pending == 0) {
            if (p->stop)
                return NULL; // expect: CL005 {{'p->m'}}
            pthread_cond_wait(&p->cv, &p->m);
        }
        p->pending--;
        pthread_mutex_unlock(&p->m);
    }
}

int main(void)
{
    pthread_t t[2];
    for (int i = 0; i < 2; i++)
        pthread_create(&t[i], NULL, worker, &pl);
    pthread_mutex_lock(&pl.m);
    pl.stop = 1;
    pthread_cond_broadcast(&pl.cv);
    pthread_mutex_unlock(&pl.m);
    for (int i = 0; i < 2; i++)
        pthread_join(t[i], NULL);
    return 0;
}
