/* Pattern: a payment service moves money between two accounts holding
 * both account mutexes, taken in address order through `first`/`second`
 * chosen with conditional operators. A refund path elsewhere credits an
 * account holding only the bank-wide mutex.
 * Verdict: racy. The transfer holds the two account mutexes, the refund
 * holds only bank_lock: no lock in common guards the balance.
 */
// class: lock-order-choice
#include <pthread.h>
#include <stdio.h>

struct account {
    pthread_mutex_t mu;
    long balance;
};

static pthread_mutex_t bank_lock = PTHREAD_MUTEX_INITIALIZER;
static struct account accts[2] = {
    { PTHREAD_MUTEX_INITIALIZER, 500 },
    { PTHREAD_MUTEX_INITIALIZER, 500 },
};

static void transfer(struct account *from, struct account *to, long amount)
{
    struct account *first = from < to ? from : to;
    struct account *second = from < to ? to : from;
    pthread_mutex_lock(&first->mu);
    pthread_mutex_lock(&second->mu);
    from->balance -= amount;
    to->balance += amount;
    pthread_mutex_unlock(&second->mu);
    pthread_mutex_unlock(&first->mu);
}

static void refund(struct account *a, long amount)
{
    pthread_mutex_lock(&bank_lock);
    a->balance += amount; // expect: CL002
    pthread_mutex_unlock(&bank_lock);
}

static void *payments(void *arg)
{
    for (int i = 0; i < 100; i++)
        transfer(&accts[0], &accts[1], 5);
    return arg;
}

static void *refunds(void *arg)
{
    for (int i = 0; i < 100; i++)
        refund(&accts[1], 1);
    return arg;
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, NULL, payments, NULL);
    pthread_create(&b, NULL, refunds, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    printf("%ld %ld\n", accts[0].balance, accts[1].balance);
    return 0;
}
