/* Pattern: wrappers around lock/unlock.
 * Verdict: race-free. db_lock()/db_unlock() wrap pthread_mutex_lock/unlock
 * on db_mutex; every access to `db_rows` is between the two wrapper calls.
 */
// expect-none
#include <pthread.h>
#include <stdio.h>

#define NT 4
static pthread_mutex_t db_mutex = PTHREAD_MUTEX_INITIALIZER;
static long db_rows;

static void db_lock(void)
{
    if (pthread_mutex_lock(&db_mutex) != 0)
        perror("lock");
}

static void db_unlock(void)
{
    pthread_mutex_unlock(&db_mutex);
}

static void *writer(void *arg)
{
    for (int i = 0; i < 1000; i++) {
        db_lock();
        db_rows++;
        db_unlock();
    }
    return arg;
}

int main(void)
{
    pthread_t t[NT];
    for (int i = 0; i < NT; i++)
        pthread_create(&t[i], NULL, writer, NULL);
    for (int i = 0; i < NT; i++)
        pthread_join(t[i], NULL);
    printf("%ld\n", db_rows);
    return 0;
}
