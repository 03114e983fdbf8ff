/* CL009 positive: a response waiter in an endless loop waits under `if`
 * and then leaves the loop with `break`, taking the reply as present. */
#include <pthread.h>
#include <stddef.h>

struct call { pthread_mutex_t lock; pthread_cond_t cv; int state; int reply; };

static void *requester(void *arg)
{
    struct call *c = arg;
    int reply = -1;
    pthread_mutex_lock(&c->lock);
    for (;;) {
        if (c->state == 0) {
            pthread_cond_wait(&c->cv, &c->lock); // expect: CL009
            reply = c->reply;
            break;
        }
        reply = c->reply;
        break;
    }
    pthread_mutex_unlock(&c->lock);
    return (void *)(long)reply;
}

int main(void)
{
    static struct call c = { PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, 0, 0 };
    pthread_t t;
    pthread_create(&t, NULL, requester, &c);
    pthread_mutex_lock(&c.lock);
    c.reply = 42;
    c.state = 1;
    pthread_cond_signal(&c.cv);
    pthread_mutex_unlock(&c.lock);
    pthread_join(t, NULL);
    return 0;
}
