/* CL002 negative: OpenSSL 1.1+ locks (CRYPTO_THREAD_*) guard a list and
 * a counter: writers take the write lock, the reader the read lock, and
 * one writer checks the lock call's result the OpenSSL way (1 is
 * success). The locks are an array indexed by an enum, as stunnel's
 * stunnel_locks[LOCK_...] are.
 */
// class: lock-apis
// expect-none
#include <pthread.h>
#include <stdio.h>

typedef struct crypto_rwlock_st CRYPTO_RWLOCK;
CRYPTO_RWLOCK *CRYPTO_THREAD_lock_new(void);
int CRYPTO_THREAD_read_lock(CRYPTO_RWLOCK *lock);
int CRYPTO_THREAD_write_lock(CRYPTO_RWLOCK *lock);
int CRYPTO_THREAD_unlock(CRYPTO_RWLOCK *lock);
void CRYPTO_THREAD_lock_free(CRYPTO_RWLOCK *lock);

enum { LOCK_LIST, LOCK_STATS, NLOCKS };
static CRYPTO_RWLOCK *locks[NLOCKS];
struct node { struct node *next; };
static struct node *head;
static long hits;

static void push(struct node *n)
{
    CRYPTO_THREAD_write_lock(locks[LOCK_LIST]);
    n->next = head;
    head = n;
    CRYPTO_THREAD_unlock(locks[LOCK_LIST]);
}

static int count(void)
{
    if (!CRYPTO_THREAD_write_lock(locks[LOCK_STATS]))
        return -1;
    hits++;
    CRYPTO_THREAD_unlock(locks[LOCK_STATS]);
    return 0;
}

static void *worker(void *arg)
{
    push(arg);
    count();
    return NULL;
}

int main(void)
{
    static struct node nodes[2];
    pthread_t t[2];
    for (int i = 0; i < NLOCKS; i++)
        locks[i] = CRYPTO_THREAD_lock_new();
    for (int i = 0; i < 2; i++)
        pthread_create(&t[i], NULL, worker, &nodes[i]);
    CRYPTO_THREAD_read_lock(locks[LOCK_LIST]);
    printf("%d\n", head != NULL);
    CRYPTO_THREAD_unlock(locks[LOCK_LIST]);
    count();
    for (int i = 0; i < 2; i++)
        pthread_join(t[i], NULL);
    for (int i = 0; i < NLOCKS; i++)
        CRYPTO_THREAD_lock_free(locks[i]);
    return 0;
}
