/* Pattern: wrappers around lock/unlock, one path bypasses them.
 * Verdict: racy. Writers use db_lock()/db_unlock(); the compactor thread
 * writes `db_rows` directly without the wrapper. Its write carries the
 * expectation.
 */
#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t db_mutex = PTHREAD_MUTEX_INITIALIZER;
static long db_rows;

static void db_lock(void) { pthread_mutex_lock(&db_mutex); }
static void db_unlock(void) { pthread_mutex_unlock(&db_mutex); }

static void *writer(void *arg)
{
    for (int i = 0; i < 1000; i++) {
        db_lock();
        db_rows++;
        db_unlock();
    }
    return arg;
}

static void *compactor(void *arg)
{
    for (int i = 0; i < 10; i++)
        db_rows /= 2; // expect: CL002
    return arg;
}

int main(void)
{
    pthread_t w, c;
    pthread_create(&w, NULL, writer, NULL);
    pthread_create(&c, NULL, compactor, NULL);
    pthread_join(w, NULL);
    pthread_join(c, NULL);
    printf("%ld\n", db_rows);
    return 0;
}
