/* CL008 negative (a rebalancer that serializes its movers): the three
 * movers take pairs of shard locks in a rotating order, but each does so
 * while holding the global rebalance lock, so at most one of them is
 * between its two shard locks at a time.
 */
// class: three-lock-cycle
// expect-none
#include <pthread.h>

static pthread_mutex_t rebalance = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t s0 = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t s1 = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t s2 = PTHREAD_MUTEX_INITIALIZER;
static int load0, load1, load2;

static void *m01(void *arg)
{
    pthread_mutex_lock(&rebalance);
    pthread_mutex_lock(&s0);
    pthread_mutex_lock(&s1);
    load0--, load1++;
    pthread_mutex_unlock(&s1);
    pthread_mutex_unlock(&s0);
    pthread_mutex_unlock(&rebalance);
    return arg;
}

static void *m12(void *arg)
{
    pthread_mutex_lock(&rebalance);
    pthread_mutex_lock(&s1);
    pthread_mutex_lock(&s2);
    load1--, load2++;
    pthread_mutex_unlock(&s2);
    pthread_mutex_unlock(&s1);
    pthread_mutex_unlock(&rebalance);
    return arg;
}

static void *m20(void *arg)
{
    pthread_mutex_lock(&rebalance);
    pthread_mutex_lock(&s2);
    pthread_mutex_lock(&s0);
    load2--, load0++;
    pthread_mutex_unlock(&s0);
    pthread_mutex_unlock(&s2);
    pthread_mutex_unlock(&rebalance);
    return arg;
}

int main(void)
{
    pthread_t a, b, c;
    pthread_create(&a, NULL, m01, NULL);
    pthread_create(&b, NULL, m12, NULL);
    pthread_create(&c, NULL, m20, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    pthread_join(c, NULL);
    return 0;
}
