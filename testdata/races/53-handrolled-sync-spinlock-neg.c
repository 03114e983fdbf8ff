/* Pattern: hand-rolled spinlock from __sync builtins.
 * Verdict: race-free. spin_lock() acquires with __sync_lock_test_and_set
 * (an acquire barrier) and spin_unlock() releases with __sync_lock_release
 * (a release barrier); `balance` is only touched between them, so all
 * accesses are ordered by the lock word.
 */
// expect-none
#include <pthread.h>
#include <stdio.h>

#define NT 4
static int lock_word;
static long balance;

static void spin_lock(int *w)
{
    while (__sync_lock_test_and_set(w, 1))
        while (__atomic_load_n(w, __ATOMIC_RELAXED))
            ;
}

static void spin_unlock(int *w)
{
    __sync_lock_release(w);
}

static void *worker(void *arg)
{
    for (int i = 0; i < 1000; i++) {
        spin_lock(&lock_word);
        balance += (i & 1) ? 1 : -1;
        spin_unlock(&lock_word);
    }
    return arg;
}

int main(void)
{
    pthread_t t[NT];
    for (int i = 0; i < NT; i++)
        pthread_create(&t[i], NULL, worker, NULL);
    for (int i = 0; i < NT; i++)
        pthread_join(t[i], NULL);
    printf("%ld\n", balance);
    return 0;
}
