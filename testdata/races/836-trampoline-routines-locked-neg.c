/* Pattern: the twin of 835 where both routines started through the
 * trampoline take the lock, and main reads the count only after joining
 * both threads.
 * Verdict: race-free.
 */
// class: callback
// expect-none
#include <pthread.h>

typedef void (*routine)(void);

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static long blocks;

static void *thread_entry(void *real)
{
    routine r = (routine)real;
    r();
    return NULL;
}

static void xcreate(pthread_t *t, routine r)
{
    pthread_create(t, NULL, thread_entry, (void *)r);
}

static void splitter(void)
{
    pthread_mutex_lock(&mu);
    blocks++;
    pthread_mutex_unlock(&mu);
}

static void collector(void)
{
    pthread_mutex_lock(&mu);
    blocks--;
    pthread_mutex_unlock(&mu);
}

int main(void)
{
    pthread_t s, c;
    xcreate(&s, splitter);
    pthread_create(&c, NULL, thread_entry, (void *)collector);
    pthread_join(s, NULL);
    pthread_join(c, NULL);
    return (int)blocks;
}
