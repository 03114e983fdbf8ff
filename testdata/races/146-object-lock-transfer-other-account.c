/* Pattern: each account carries its own mutex; a transfer locks only the
 * source account and credits the destination.
 * Verdict: racy. transfer(&acct[0], &acct[1]) and transfer(&acct[1],
 * &acct[0]) run at once: the first writes acct[1].balance holding
 * acct[0].mu, the second writes it holding acct[1].mu (and the same for
 * acct[0]). One finding in transfer().
 */
// class: lock-in-object
#include <pthread.h>
#include <stdio.h>

struct account {
    pthread_mutex_t mu;
    long balance;
};
static struct account acct[2] = { { PTHREAD_MUTEX_INITIALIZER, 100 },
                                   { PTHREAD_MUTEX_INITIALIZER, 100 } };

static void transfer(struct account *from, struct account *to, long amount)
{
    pthread_mutex_lock(&from->mu);
    from->balance -= amount; // expect: CL002
    to->balance += amount;
    pthread_mutex_unlock(&from->mu);
}

static void *left(void *arg)
{
    for (int i = 0; i < 100; i++)
        transfer(&acct[0], &acct[1], 1);
    return arg;
}

static void *right(void *arg)
{
    for (int i = 0; i < 100; i++)
        transfer(&acct[1], &acct[0], 1);
    return arg;
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, NULL, left, NULL);
    pthread_create(&b, NULL, right, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    printf("%ld %ld\n", acct[0].balance, acct[1].balance);
    return 0;
}
