/* CL007 negative: the lock is taken only when the caller asked for it and
 * released under the same, unchanged condition.
 */
// expect-none
#include <pthread.h>

static pthread_mutex_t stats_lock = PTHREAD_MUTEX_INITIALIZER;
static long bytes;

static void account(long n, int need_lock)
{
    if (need_lock)
        pthread_mutex_lock(&stats_lock);
    bytes += n;
    if (need_lock)
        pthread_mutex_unlock(&stats_lock);
}

static void *io(void *arg)
{
    for (int i = 0; i < 10; i++)
        account(i, 1);
    return arg;
}

int main(void)
{
    pthread_t t;
    account(1, 0);
    pthread_create(&t, NULL, io, NULL);
    pthread_join(t, NULL);
    return 0;
}
