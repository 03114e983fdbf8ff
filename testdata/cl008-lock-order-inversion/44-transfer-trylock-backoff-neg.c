/* CL008 negative (a bank simulation): the destination account is taken
 * with a trylock; when it is busy the teller releases the source and
 * tries again, so it never waits while holding a lock.
 */
// expect-none
#include <pthread.h>
#include <sched.h>
#include <stdlib.h>

#define NACCOUNTS 16

struct account {
    pthread_mutex_t lock;
    long balance;
};

static struct account accounts[NACCOUNTS];

static void transfer(int from, int to, long amount)
{
    for (;;) {
        pthread_mutex_lock(&accounts[from].lock);
        if (pthread_mutex_trylock(&accounts[to].lock) == 0)
            break;
        pthread_mutex_unlock(&accounts[from].lock);
        sched_yield();
    }
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
    pthread_t t[4];
    for (int i = 0; i < NACCOUNTS; i++)
        pthread_mutex_init(&accounts[i].lock, NULL);
    for (int i = 0; i < 4; i++)
        pthread_create(&t[i], NULL, teller, (void *)(size_t)(i + 1));
    for (int i = 0; i < 4; i++)
        pthread_join(t[i], NULL);
    return 0;
}
