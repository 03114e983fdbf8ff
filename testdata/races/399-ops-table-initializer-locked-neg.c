/* Pattern: an operations table initialized with designated initializers;
 * the worker and main call through it, and the operation takes the lock.
 * Verdict: race-free. The counter is only touched under the lock.
 */
// expect-none
#include <pthread.h>

struct ops {
    void (*add)(long);
    long (*get)(void);
};

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static long total;

static void locked_add(long n)
{
    pthread_mutex_lock(&lock);
    total += n;
    pthread_mutex_unlock(&lock);
}

static long locked_get(void)
{
    pthread_mutex_lock(&lock);
    long v = total;
    pthread_mutex_unlock(&lock);
    return v;
}

static const struct ops counter_ops = { .get = locked_get, .add = locked_add };

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
    long v = counter_ops.get();
    pthread_join(t, NULL);
    return v > 0;
}
