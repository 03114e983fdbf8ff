/* Pattern: a context holds a pointer to a constant operations table (a
 * vtable); each feeder thread updates the context through
 * c->ops->update().
 * Verdict: racy. Both threads call add_total() on the one context, which
 * adds to c->total with no lock.
 */
// class: function-pointers
#include <pthread.h>

struct ctx;
struct ops {
    void (*update)(struct ctx *, int);
};
struct ctx {
    const struct ops *ops;
    long total;
};

static void add_total(struct ctx *c, int v)
{
    c->total += v; // expect: CL002
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
    struct ctx c = { &sum_ops, 0 };
    pthread_t a, b;
    pthread_create(&a, NULL, feed, &c);
    pthread_create(&b, NULL, feed, &c);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    return (int)c.total;
}
