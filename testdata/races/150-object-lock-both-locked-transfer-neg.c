/* Pattern: transfer that locks both accounts (in a fixed order).
 * Verdict: race-free. Both threads move money between acct[0] and acct[1]
 * holding acct[0].mu and acct[1].mu; every balance access holds both.
 */
// class: lock-in-object
// expect-none
#include <pthread.h>
#include <stdio.h>

struct account {
    pthread_mutex_t mu;
    long balance;
};
static struct account acct[2] = { { PTHREAD_MUTEX_INITIALIZER, 100 },
                                   { PTHREAD_MUTEX_INITIALIZER, 100 } };

static void transfer(struct account *first, struct account *second, long amount)
{
    pthread_mutex_lock(&first->mu);
    pthread_mutex_lock(&second->mu);
    first->balance -= amount;
    second->balance += amount;
    pthread_mutex_unlock(&second->mu);
    pthread_mutex_unlock(&first->mu);
}

static void *forward(void *arg)
{
    for (int i = 0; i < 100; i++)
        transfer(&acct[0], &acct[1], 1);
    return arg;
}

static void *backward(void *arg)
{
    for (int i = 0; i < 100; i++)
        transfer(&acct[0], &acct[1], -1);
    return arg;
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, NULL, forward, NULL);
    pthread_create(&b, NULL, backward, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    printf("%ld %ld\n", acct[0].balance, acct[1].balance);
    return 0;
}
