/* CL002 positive: a counter that the workers update under an OpenSSL
 * write lock is also reset by main without it.
 */
// class: lock-apis
#include <pthread.h>

typedef struct crypto_rwlock_st CRYPTO_RWLOCK;
CRYPTO_RWLOCK *CRYPTO_THREAD_lock_new(void);
int CRYPTO_THREAD_write_lock(CRYPTO_RWLOCK *lock);
int CRYPTO_THREAD_unlock(CRYPTO_RWLOCK *lock);

static CRYPTO_RWLOCK *lk;
static long sessions;

static void *worker(void *arg)
{
    CRYPTO_THREAD_write_lock(lk);
    sessions++; // expect-related: CL002
    CRYPTO_THREAD_unlock(lk);
    return arg;
}

int main(void)
{
    pthread_t t;
    lk = CRYPTO_THREAD_lock_new();
    pthread_create(&t, NULL, worker, NULL);
    sessions = 0; // expect: CL002 {{there: 'lk'}}
    pthread_join(t, NULL);
    return 0;
}
