/* CL005 negative: the trylock's result is stored and tested later; the
 * lock is held, and released, only where it succeeded.
 */
// expect-none
#include <pthread.h>

static pthread_mutex_t gc_lock = PTHREAD_MUTEX_INITIALIZER;
static int garbage;

static int gc_step(void)
{
    int rc = pthread_mutex_trylock(&gc_lock);
    if (rc != 0)
        return 0;
    int freed = garbage;
    garbage = 0;
    pthread_mutex_unlock(&gc_lock);
    return freed;
}

static void *collector(void *arg)
{
    long n = 0;
    for (int i = 0; i < 100; i++)
        n += gc_step();
    return arg == NULL ? (void *)n : NULL;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, collector, NULL);
    pthread_mutex_lock(&gc_lock);
    garbage += 10;
    pthread_mutex_unlock(&gc_lock);
    pthread_join(t, NULL);
    return 0;
}
