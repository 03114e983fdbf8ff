/* CL007 negative: an "unlock" helper whose callers always hold the lock;
 * it is judged at its callers, which are all correct.
 */
// expect-none
#include <pthread.h>

struct conn { pthread_mutex_t lk; int refs; };
static struct conn cn = { PTHREAD_MUTEX_INITIALIZER, 1 };

static void conn_release_locked(struct conn *c)
{
    c->refs--;
    pthread_mutex_unlock(&c->lk);
}

static void *worker(void *arg)
{
    for (int i = 0; i < 10; i++) {
        pthread_mutex_lock(&cn.lk);
        cn.refs++;
        conn_release_locked(&cn);
    }
    return arg;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, worker, NULL);
    pthread_join(t, NULL);
    return 0;
}
