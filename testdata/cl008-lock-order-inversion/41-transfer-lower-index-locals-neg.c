/* CL008 negative (a bank simulation): transfer() computes which account
 * index is lower and locks that one first; the order no longer depends on
 * the direction of the transfer.
 */
#include <pthread.h>
#include <stdlib.h>

#define NACCOUNTS 16

struct account {
    pthread_mutex_t lock;
    long balance;
};

static struct account accounts[NACCOUNTS];

static void transfer(int from, int to, long amount)
{
    int lo = from < to ? from : to;
    int hi = from < to ? to : from;
    pthread_mutex_lock(&accounts[lo].lock);
    pthread_mutex_lock(&accounts[hi].lock);
    accounts[from].balance -= amount; // fp-todo: CL002 -- the locks are picked by lo/hi, the balances by from/to: the same two elements, which the model cannot tell
    accounts[to].balance += amount;
    pthread_mutex_unlock(&accounts[hi].lock);
    pthread_mutex_unlock(&accounts[lo].lock);
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

int main(void)
{
    pthread_t t[4];
    for (int i = 0; i < NACCOUNTS; i++)
        pthread_mutex_init(&accounts[i].lock, NULL);
    for (int i = 0; i < 4; i++)
        pthread_create(&t[i], NULL, teller, (void *)(size_t)(i + 1));
    for (int i = 0; i < 4; i++)
        pthread_join(t[i], NULL);
    return 0;
}
