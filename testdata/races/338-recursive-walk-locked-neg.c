/* Pattern: a recursive function run by several threads; each level takes
 * the mutex around its update of the global node count and releases it
 * before recursing.
 * Verdict: race-free. Every update holds count_lock.
 */
#include <pthread.h>
#include <stdio.h>

// class: recursion
// expect-none

static pthread_mutex_t count_lock = PTHREAD_MUTEX_INITIALIZER;
static long visited;

static void walk(int depth)
{
    if (depth == 0)
        return;
    pthread_mutex_lock(&count_lock);
    visited++;
    pthread_mutex_unlock(&count_lock);
    walk(depth - 1);
    walk(depth - 1);
}

static void *explorer(void *arg)
{
    walk(6);
    return arg;
}

int main(void)
{
    pthread_t t[3];
    for (int i = 0; i < 3; i++)
        pthread_create(&t[i], NULL, explorer, NULL);
    for (int i = 0; i < 3; i++)
        pthread_join(t[i], NULL);
    printf("%ld\n", visited);
    return 0;
}
