/* Pattern: a context holds a pointer to a constant operations table; the
 * update operation takes the context's own lock.
 * Verdict: race-free.
 */
// class: function-pointers
// expect-none
#include <pthread.h>

struct ctx;
struct ops {
    void (*update)(struct ctx *, int);
};
struct ctx {
    const struct ops *ops;
    pthread_mutex_t lock;
    long total;
};

static void add_total(struct ctx *c, int v)
{
    pthread_mutex_lock(&c->lock);
    c->total += v;
    pthread_mutex_unlock(&c->lock);
}

static const struct ops sum_ops = { add_total };

static void *feed(void *arg)
{
    struct ctx *c = arg;
    for (int i = 0; i < 100; i++)
        c->ops->update(c, i);
    return NULL;
}

int main(void)
{
    struct ctx c = { &sum_ops, PTHREAD_MUTEX_INITIALIZER, 0 };
    pthread_t a, b;
    pthread_create(&a, NULL, feed, &c);
    pthread_create(&b, NULL, feed, &c);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    return (int)c.total;
}
