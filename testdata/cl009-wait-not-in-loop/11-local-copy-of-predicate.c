/* CL009 positive: the predicate is copied into a local first and the
 * `if` tests the copy; nothing tests it again after the wait. Known miss:
 * the rule does not follow the copy back to what it was computed from. */
#include <pthread.h>
#include <stddef.h>

struct req { struct req *next; int n; };
struct server { pthread_mutex_t lk; pthread_cond_t arrived; struct req *pending; int up; long served; };

static void *handler(void *arg)
{
    struct server *s = arg;
    pthread_mutex_lock(&s->lk);
    while (s->up) {
        int idle = s->pending == NULL;
        if (idle)
            pthread_cond_wait(&s->arrived, &s->lk); // expect-todo: CL009
        struct req *r = s->pending;
        s->pending = r->next;
        s->served += r->n;
    }
    pthread_mutex_unlock(&s->lk);
    return NULL;
}

int main(void)
{
    static struct server s = { PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, NULL, 1, 0 };
    pthread_t t;
    pthread_create(&t, NULL, handler, &s);
    pthread_mutex_lock(&s.lk);
    s.up = 0;
    pthread_cond_broadcast(&s.arrived);
    pthread_mutex_unlock(&s.lk);
    pthread_join(t, NULL);
    return 0;
}
