/* Pattern: the same kind of operations table, positional initializer,
 * but the add operation forgets the lock.
 * Verdict: racy. The worker and main both add through the table.
 */
#include <pthread.h>

struct ops {
    void (*add)(long);
    long (*get)(void);
};

static long total;

static void plain_add(long n)
{
    total += n; // expect: CL002
}

static long plain_get(void)
{
    return total;
}

static const struct ops counter_ops = { plain_add, plain_get };

static void *adder(void *arg)
{
    for (int i = 0; i < 1000; i++)
        counter_ops.add(1);
    return arg;
}

int main(void)
{
    pthread_t t;
    if (pthread_create(&t, NULL, adder, NULL) != 0)
        return 1;
    counter_ops.add(5);
    pthread_join(t, NULL);
    return plain_get() > 0;
}
