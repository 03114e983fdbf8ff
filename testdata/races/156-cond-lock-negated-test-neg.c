/* Pattern: conditional locking tested as `!single` in one place and
 * `single` in another, the value never reassigned.
 * Verdict: race-free. add() locks when !single and updates `total` in the
 * else branch of `if (single)`, i.e. on the same path as the lock; the
 * single-threaded branch only reads a local copy.
 */
// class: conditional-locking
// expect-none
#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t total_lock = PTHREAD_MUTEX_INITIALIZER;
static long total;

static long add(int single, long x)
{
    long seen = 0;
    if (!single)
        pthread_mutex_lock(&total_lock);
    if (single) {
        seen = x;
    } else {
        total += x;
        seen = total;
    }
    if (!single)
        pthread_mutex_unlock(&total_lock);
    return seen;
}

static void *summer(void *arg)
{
    for (long i = 0; i < 1000; i++)
        add(0, i);
    return arg;
}

int main(void)
{
    pthread_t t[2];
    for (int i = 0; i < 2; i++)
        pthread_create(&t[i], NULL, summer, NULL);
    for (int i = 0; i < 2; i++)
        pthread_join(t[i], NULL);
    printf("%ld\n", add(1, total));
    return 0;
}
