/* CL002 positive: the logging helper unlocks only `if (lock pointer)`,
 * as stunnel's log_queue does; the worker logs twice, then bumps
 * `late`, which main writes too. The helper's path without the unlock
 * needs a null lock pointer, which the lock call before it rules out: it
 * must not leave the lock held and end the worker's walk at the second
 * lock (which hid this race).
 */
// class: lock-apis
#include <pthread.h>

typedef struct crypto_rwlock_st CRYPTO_RWLOCK;
CRYPTO_RWLOCK *CRYPTO_THREAD_lock_new(void);
int CRYPTO_THREAD_write_lock(CRYPTO_RWLOCK *lock);
int CRYPTO_THREAD_unlock(CRYPTO_RWLOCK *lock);

enum { LOCK_BUFFER, NLOCKS };
static CRYPTO_RWLOCK *locks[NLOCKS];
static int queued, late;

static void log_queue(void)
{
    CRYPTO_THREAD_write_lock(locks[LOCK_BUFFER]);
    queued++;
    if (locks[LOCK_BUFFER])
        CRYPTO_THREAD_unlock(locks[LOCK_BUFFER]);
}

static void *worker(void *arg)
{
    log_queue();
    log_queue();
    late++; // expect: CL002 {{races with write in 'main'}}
    return arg;
}

int main(void)
{
    pthread_t t;
    locks[LOCK_BUFFER] = CRYPTO_THREAD_lock_new();
    pthread_create(&t, NULL, worker, NULL);
    log_queue();
    late = 1;
    pthread_join(t, NULL);
    return 0;
}
