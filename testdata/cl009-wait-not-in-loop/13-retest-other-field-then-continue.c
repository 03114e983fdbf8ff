/* CL009 positive: after the wait the worker tests the shutdown flag (not
 * the queue) and continues only on that; when the queue is still empty
 * it takes from it anyway. */
#include <pthread.h>
#include <stddef.h>

struct task { struct task *next; int cost; };
struct pool { pthread_mutex_t mu; pthread_cond_t cv; struct task *first; int paused; long work; };

static void *runner(void *arg)
{
    struct pool *p = arg;
    for (;;) {
        pthread_mutex_lock(&p->mu);
        if (p->first == NULL) {
            pthread_cond_wait(&p->cv, &p->mu); // expect: CL009 {{an 'if' tests it only once}}
            if (p->paused) {
                pthread_mutex_unlock(&p->mu);
                continue;
            }
        }
        struct task *t = p->first;
        p->first = t->next;
        p->work += t->cost;
        pthread_mutex_unlock(&p->mu);
    }
    return NULL;
}

int main(void)
{
    static struct pool p = { PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, NULL, 0, 0 };
    pthread_t t;
    pthread_create(&t, NULL, runner, &p);
    pthread_detach(t);
    return 0;
}
