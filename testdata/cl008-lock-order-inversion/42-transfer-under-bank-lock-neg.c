/* CL008 negative (a ledger): every transfer first takes the ledger's
 * gate lock, so at most one thread is ever between the two account locks;
 * the account locks protect the balances against the auditor, which
 * takes one at a time.
 */
// expect-none
#include <pthread.h>
#include <stdlib.h>

#define NACCOUNTS 16

struct account {
    pthread_mutex_t lock;
    long balance;
};

static pthread_mutex_t ledger_lock = PTHREAD_MUTEX_INITIALIZER;
static struct account accounts[NACCOUNTS];

static void transfer(int from, int to, long amount)
{
    pthread_mutex_lock(&ledger_lock);
    pthread_mutex_lock(&accounts[from].lock);
    pthread_mutex_lock(&accounts[to].lock);
    accounts[from].balance -= amount;
    accounts[to].balance += amount;
    pthread_mutex_unlock(&accounts[to].lock);
    pthread_mutex_unlock(&accounts[from].lock);
    pthread_mutex_unlock(&ledger_lock);
}

static void *teller(void *arg)
{
    unsigned seed = (unsigned)(size_t)arg;
    for (int i = 0; i < 1000; i++) {
        int src = rand_r(&seed) % NACCOUNTS, dst = rand_r(&seed) % NACCOUNTS;
        if (src != dst)
            transfer(src, dst, 10);
    }
    return NULL;
}

static void *auditor(void *arg)
{
    long *total = arg;
    for (int i = 0; i < NACCOUNTS; i++) {
        pthread_mutex_lock(&accounts[i].lock);
        *total += accounts[i].balance;
        pthread_mutex_unlock(&accounts[i].lock);
    }
    return NULL;
}

int main(void)
{
    pthread_t t[4], a;
    long total = 0;
    for (int i = 0; i < NACCOUNTS; i++)
        pthread_mutex_init(&accounts[i].lock, NULL);
    for (int i = 0; i < 4; i++)
        pthread_create(&t[i], NULL, teller, (void *)(size_t)(i + 1));
    pthread_create(&a, NULL, auditor, &total);
    for (int i = 0; i < 4; i++)
        pthread_join(t[i], NULL);
    pthread_join(a, NULL);
    return total > 0 ? 0 : 1;
}
