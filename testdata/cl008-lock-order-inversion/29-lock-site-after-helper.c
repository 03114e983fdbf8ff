/* CL008 positive, pinning the lock site: the account thread first calls a
 * helper that takes and releases the ledger lock, then takes the ledger
 * lock itself and, holding it, the audit lock; the auditor takes them the
 * other way round. The note "'ledger' taken here" must point at the lock
 * still held (the one in account itself), not at the helper's earlier lock, released long
 * before (found by a fresh-eyes trial).
 */
#include <pthread.h>

static pthread_mutex_t ledger = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t audit = PTHREAD_MUTEX_INITIALIZER;
static long balance, audited;

static void touch_ledger(void)
{
    pthread_mutex_lock(&ledger);
    balance++;
    pthread_mutex_unlock(&ledger);
}

static void *account(void *arg)
{
    (void)arg;
    touch_ledger();
    pthread_mutex_lock(&ledger); // expect-related: CL008 {{'ledger' taken here}}
    pthread_mutex_lock(&audit); // expect: CL008
    audited = balance;
    pthread_mutex_unlock(&audit);
    pthread_mutex_unlock(&ledger);
    return NULL;
}

static void *auditor(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&audit);
    pthread_mutex_lock(&ledger); // expect: CL008
    audited = balance;
    pthread_mutex_unlock(&ledger);
    pthread_mutex_unlock(&audit);
    return NULL;
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, NULL, account, NULL);
    pthread_create(&b, NULL, auditor, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    return 0;
}
