/* CL002 positive: the workers write the cache while holding OpenSSL's
 * lock only for reading, so two of them write it at once.
 */
// class: lock-apis
#include <pthread.h>

typedef struct crypto_rwlock_st CRYPTO_RWLOCK;
CRYPTO_RWLOCK *CRYPTO_THREAD_lock_new(void);
int CRYPTO_THREAD_read_lock(CRYPTO_RWLOCK *lock);
int CRYPTO_THREAD_unlock(CRYPTO_RWLOCK *lock);

static CRYPTO_RWLOCK *lk;
static int cached;

static void *worker(void *arg)
{
    CRYPTO_THREAD_read_lock(lk);
    cached = 1; // expect: CL002
    CRYPTO_THREAD_unlock(lk);
    return arg;
}

int main(void)
{
    pthread_t t[2];
    lk = CRYPTO_THREAD_lock_new();
    for (int i = 0; i < 2; i++)
        pthread_create(&t[i], NULL, worker, NULL);
    for (int i = 0; i < 2; i++)
        pthread_join(t[i], NULL);
    return 0;
}
