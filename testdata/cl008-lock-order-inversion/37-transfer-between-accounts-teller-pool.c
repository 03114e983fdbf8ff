/* CL008 positive (a bank simulation): a pool of tellers moves money
 * between two accounts picked at random, locking the source account and
 * then the destination. A teller moving 3 -> 7 and another moving 7 -> 3
 * each hold their first account and wait for the other's: the classic
 * transfer deadlock, between two instances of one thread function.
 */
#include <pthread.h>
#include <stdlib.h>

#define NACCOUNTS 16
#define NTELLERS 4

struct account {
    pthread_mutex_t lock;
    long balance;
};

static struct account accounts[NACCOUNTS];

static void transfer(int from, int to, long amount)
{
    pthread_mutex_lock(&accounts[from].lock);
    pthread_mutex_lock(&accounts[to].lock); // expect: CL008 {{'accounts[to].lock' is taken while 'accounts[from].lock' is held: two elements of one lock array}}
    accounts[from].balance -= amount;
    accounts[to].balance += amount;
    pthread_mutex_unlock(&accounts[to].lock);
    pthread_mutex_unlock(&accounts[from].lock);
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
    pthread_t t[NTELLERS];
    for (int i = 0; i < NACCOUNTS; i++) {
        pthread_mutex_init(&accounts[i].lock, NULL);
        accounts[i].balance = 1000;
    }
    for (int i = 0; i < NTELLERS; i++)
        pthread_create(&t[i], NULL, teller, (void *)(size_t)(i + 1));
    for (int i = 0; i < NTELLERS; i++)
        pthread_join(t[i], NULL);
    return 0;
}
