/* Pattern: a "need_lock" parameter that every caller passes as a
 * constant: the workers pass 1; main passes 0 only before any worker
 * exists and after all are joined.
 * Verdict: race-free.
 */
// class: conditional-locking
// expect-none
#include <pthread.h>

static unsigned ring_head;
static pthread_mutex_t ring_lock = PTHREAD_MUTEX_INITIALIZER;

static void bump(int need_lock)
{
    if (need_lock)
        pthread_mutex_lock(&ring_lock);
    ring_head++;
    if (need_lock)
        pthread_mutex_unlock(&ring_lock);
}

static void *loop(void *arg)
{
    for (int i = 0; i < 1000; i++)
        bump(1);
    return arg;
}

int main(void)
{
    pthread_t a, b;
    bump(0);
    pthread_create(&a, NULL, loop, NULL);
    pthread_create(&b, NULL, loop, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    bump(0);
    return (int)ring_head;
}
