/* CL005 positive: the lock is taken through the project's own wrapper
 * (db_lock), released through db_unlock; db_put() forgets db_unlock on its
 * error path. The wrappers are not findings (their callers balance them);
 * the leak is reported in db_put, with the lock site inside db_lock.
 */
#include <pthread.h>
#include <stdio.h>
#include <string.h>

static pthread_mutex_t db_mutex = PTHREAD_MUTEX_INITIALIZER;
static char db_keys[128][32];
static int db_rows;

static void db_lock(void)
{
    if (pthread_mutex_lock(&db_mutex) != 0)
        perror("db_lock");
}

static void db_unlock(void)
{
    pthread_mutex_unlock(&db_mutex);
}

int db_put(const char *key)
{
    db_lock();
    if (db_rows == 128)
        return -1; // expect: CL005 {{'db_put' returns with 'db_mutex' still locked}}
    snprintf(db_keys[db_rows++], sizeof db_keys[0], "%s", key);
    db_unlock();
    return 0;
}

static void *loader(void *arg)
{
    for (int i = 0; i < 200; i++)
        db_put(arg);
    return NULL;
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, NULL, loader, "a");
    pthread_create(&b, NULL, loader, "b");
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    return 0;
}
