/* CL006 negative (from races/90): recursive mutex taken again by a helper.
 * Verdict: race-free. tree_lock is PTHREAD_MUTEX_RECURSIVE; insert() holds
 * it and calls rebalance(), which locks it again. Every access to `height`
 * holds tree_lock.
 */
// expect-none
#include <pthread.h>
#include <stdio.h>

#define NT 3
static pthread_mutex_t tree_lock;
static int height;

static void rebalance(void)
{
    pthread_mutex_lock(&tree_lock);
    if (height > 10)
        height = 10;
    pthread_mutex_unlock(&tree_lock);
}

static void insert(int k)
{
    pthread_mutex_lock(&tree_lock);
    height += k & 1;
    rebalance();
    pthread_mutex_unlock(&tree_lock);
}

static void *worker(void *arg)
{
    for (int i = 0; i < 1000; i++)
        insert(i);
    return arg;
}

int main(void)
{
    pthread_mutexattr_t a;
    pthread_mutexattr_init(&a);
    pthread_mutexattr_settype(&a, PTHREAD_MUTEX_RECURSIVE);
    pthread_mutex_init(&tree_lock, &a);
    pthread_mutexattr_destroy(&a);
    pthread_t t[NT];
    for (int i = 0; i < NT; i++)
        pthread_create(&t[i], NULL, worker, NULL);
    for (int i = 0; i < NT; i++)
        pthread_join(t[i], NULL);
    printf("%d\n", height);
    return 0;
}
