/* Pattern: inconsistent locking, two different mutexes.
 * Verdict: racy. The reader thread guards `balance` with audit_lock, the
 * writer thread with ledger_lock: there is no common lock. Both accesses
 * hold "a" lock and both are in spawned threads, so the earlier line
 * (the writer's update) carries the expectation.
 */
#include <pthread.h>
#include <stdio.h>

static long balance;
static pthread_mutex_t ledger_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t audit_lock = PTHREAD_MUTEX_INITIALIZER;

static void *writer(void *arg)
{
    for (int i = 0; i < 1000; i++) {
        pthread_mutex_lock(&ledger_lock);
        balance += 10; // expect: CL002
        pthread_mutex_unlock(&ledger_lock);
    }
    return arg;
}

static void *auditor(void *arg)
{
    long seen = 0;
    for (int i = 0; i < 1000; i++) {
        pthread_mutex_lock(&audit_lock);
        seen = balance;
        pthread_mutex_unlock(&audit_lock);
    }
    printf("%ld\n", seen);
    return arg;
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, NULL, writer, NULL);
    pthread_create(&b, NULL, auditor, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    return 0;
}
