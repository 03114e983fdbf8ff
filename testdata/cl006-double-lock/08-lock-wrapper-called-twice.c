/* CL006 positive: the project's lock wrapper is called a second time on
 * a path that already holds the lock (a refactoring moved the first call
 * up, the second stayed).
 */
#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t db_mutex = PTHREAD_MUTEX_INITIALIZER;
static int db_rows;

static void db_lock(void)
{
    pthread_mutex_lock(&db_mutex); // expect-related: CL006 {{locked again here}}
}

static void db_unlock(void)
{
    pthread_mutex_unlock(&db_mutex);
}

static void db_compact(void)
{
    db_lock();
    if (db_rows > 100) {
        db_lock(); // expect: CL006 {{call to 'db_lock' locks 'db_mutex' again}}
        db_rows = 100;
    }
    db_unlock();
}

static void *maint(void *arg)
{
    db_compact();
    return arg;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, maint, NULL);
    pthread_join(t, NULL);
    printf("%d\n", db_rows);
    return 0;
}
