/* Pattern: lock held by the caller.
 * Verdict: race-free. table_insert() touches `table`/`used` without locking
 * itself; its contract is "caller holds table_lock", and both callers (the
 * producer and the pruner thread) take table_lock around the call.
 */
// expect-none
#include <pthread.h>

#define CAP 64
static int table[CAP];
static int used;
static pthread_mutex_t table_lock = PTHREAD_MUTEX_INITIALIZER;

/* requires table_lock */
static void table_insert(int v)
{
    if (used < CAP)
        table[used++] = v;
}

/* requires table_lock */
static void table_prune(void)
{
    if (used > CAP / 2)
        used = CAP / 2;
}

static void *producer(void *arg)
{
    for (int i = 0; i < 1000; i++) {
        pthread_mutex_lock(&table_lock);
        table_insert(i);
        pthread_mutex_unlock(&table_lock);
    }
    return arg;
}

static void *pruner(void *arg)
{
    for (int i = 0; i < 1000; i++) {
        pthread_mutex_lock(&table_lock);
        table_prune();
        pthread_mutex_unlock(&table_lock);
    }
    return arg;
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, NULL, producer, NULL);
    pthread_create(&b, NULL, pruner, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    return used > 0 ? 0 : 1;
}
