/* CL009 negative: the `if` asks a helper whether there is work and, after
 * the wait, asks it again and goes back to the loop's test when there is
 * none yet. */
// expect-none
#include <pthread.h>
#include <stddef.h>

struct pool { pthread_mutex_t mu; pthread_cond_t cv; int todo, alive; long done; };

static int has_work(const struct pool *p)
{
    return p->todo > 0;
}

static void *runner(void *arg)
{
    struct pool *p = arg;
    pthread_mutex_lock(&p->mu);
    while (p->alive) {
        if (!has_work(p)) {
            pthread_cond_wait(&p->cv, &p->mu);
            if (!has_work(p))
                continue;
        }
        p->todo--;
        p->done++;
    }
    pthread_mutex_unlock(&p->mu);
    return NULL;
}

int main(void)
{
    static struct pool p = { PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, 0, 1, 0 };
    pthread_t t;
    pthread_create(&t, NULL, runner, &p);
    pthread_mutex_lock(&p.mu);
    p.alive = 0;
    pthread_cond_broadcast(&p.cv);
    pthread_mutex_unlock(&p.mu);
    pthread_join(t, NULL);
    return 0;
}
