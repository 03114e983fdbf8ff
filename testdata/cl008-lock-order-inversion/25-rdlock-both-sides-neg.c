/* CL008 negative: the two nestings take one of the locks for reading on
 * both sides: readers never wait for each other. */
// expect-none
#include <pthread.h>

static pthread_rwlock_t table_lock = PTHREAD_RWLOCK_INITIALIZER;
static pthread_mutex_t stats_lock = PTHREAD_MUTEX_INITIALIZER;
static int lookups, size;

static void *lookup(void *arg)
{
    (void)arg;
    pthread_rwlock_rdlock(&table_lock);
    pthread_mutex_lock(&stats_lock);
    lookups += size;
    pthread_mutex_unlock(&stats_lock);
    pthread_rwlock_unlock(&table_lock);
    return NULL;
}

static void *report(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&stats_lock);
    pthread_rwlock_rdlock(&table_lock);
    lookups = size;
    pthread_rwlock_unlock(&table_lock);
    pthread_mutex_unlock(&stats_lock);
    return NULL;
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, NULL, lookup, NULL);
    pthread_create(&b, NULL, report, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    return 0;
}
