/* CL008 negative (a batch settler): only the settlement thread moves
 * money between accounts; the reporter thread reads one account at a
 * time. Two transfers never run at once, so their lock orders cannot
 * cross.
 */
// expect-none
#include <pthread.h>

#define NACCOUNTS 8

struct account {
    pthread_mutex_t lock;
    long balance;
};

static struct account accounts[NACCOUNTS];
static long reported;

static void transfer(int from, int to, long amount)
{
    pthread_mutex_lock(&accounts[from].lock);
    pthread_mutex_lock(&accounts[to].lock);
    accounts[from].balance -= amount;
    accounts[to].balance += amount;
    pthread_mutex_unlock(&accounts[to].lock);
    pthread_mutex_unlock(&accounts[from].lock);
}

static void *settler(void *arg)
{
    (void)arg;
    for (int i = 0; i < NACCOUNTS; i++)
        transfer(i, (i + 3) % NACCOUNTS, 5);
    return NULL;
}

static void *reporter(void *arg)
{
    (void)arg;
    long sum = 0;
    for (int i = 0; i < NACCOUNTS; i++) {
        pthread_mutex_lock(&accounts[i].lock);
        sum += accounts[i].balance;
        pthread_mutex_unlock(&accounts[i].lock);
    }
    reported = sum;
    return NULL;
}

int main(void)
{
    pthread_t s, r;
    for (int i = 0; i < NACCOUNTS; i++)
        pthread_mutex_init(&accounts[i].lock, NULL);
    pthread_create(&s, NULL, settler, NULL);
    pthread_create(&r, NULL, reporter, NULL);
    pthread_join(s, NULL);
    pthread_join(r, NULL);
    return reported > 0 ? 0 : 1;
}
