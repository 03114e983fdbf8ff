/* Pattern: a ledger transfers between pairs of accounts, locking the
 * pair in address order through `lo`/`hi` chosen with conditional
 * operators, and counts every transfer in a global statistic while it
 * holds the pair's mutexes. Two tellers work on disjoint pairs.
 * Verdict: racy. The pair's mutexes guard the two accounts, not the
 * global counter: the tellers hold different mutexes (checking/savings
 * and escrow/payroll) while both increment `ntransfers`.
 */
// class: lock-order-choice
#include <pthread.h>
#include <stdio.h>

struct account {
    pthread_mutex_t mu;
    long balance;
};

static struct account checking = { PTHREAD_MUTEX_INITIALIZER, 100 };
static struct account savings = { PTHREAD_MUTEX_INITIALIZER, 100 };
static struct account escrow = { PTHREAD_MUTEX_INITIALIZER, 100 };
static struct account payroll = { PTHREAD_MUTEX_INITIALIZER, 100 };
static unsigned long ntransfers;

static void move_funds(struct account *a, struct account *b, long amt)
{
    struct account *lo = a < b ? a : b;
    struct account *hi = a < b ? b : a;
    pthread_mutex_lock(&lo->mu);
    pthread_mutex_lock(&hi->mu);
    a->balance -= amt;
    b->balance += amt;
    ntransfers++; // expect: CL002
    pthread_mutex_unlock(&hi->mu);
    pthread_mutex_unlock(&lo->mu);
}

static void *teller_a(void *arg)
{
    for (int i = 0; i < 100; i++)
        move_funds(&checking, &savings, 1);
    return arg;
}

static void *teller_b(void *arg)
{
    for (int i = 0; i < 100; i++)
        move_funds(&payroll, &escrow, 1);
    return arg;
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, NULL, teller_a, NULL);
    pthread_create(&b, NULL, teller_b, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    printf("%lu\n", ntransfers);
    return 0;
}
