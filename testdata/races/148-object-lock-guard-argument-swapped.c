/* Pattern: a helper takes the object whose lock to hold and the object to
 * update (C11 mutexes); one caller passes the wrong guard.
 * Verdict: racy. The deposit thread updates checking.balance under
 * checking.m, the interest thread updates it under savings.m.
 */
// class: lock-in-object
#include <stdio.h>
#include <threads.h>

struct acct {
    mtx_t m;
    long balance;
};
static struct acct savings, checking;

static void add(struct acct *guard, struct acct *target, long x)
{
    mtx_lock(&guard->m);
    target->balance += x; // expect: CL002
    mtx_unlock(&guard->m);
}

static int deposits(void *arg)
{
    for (int i = 0; i < 100; i++)
        add(&checking, &checking, 10);
    return arg != NULL;
}

static int interest(void *arg)
{
    for (int i = 0; i < 100; i++)
        add(&savings, &checking, 1);
    return arg != NULL;
}

int main(void)
{
    mtx_init(&savings.m, mtx_plain);
    mtx_init(&checking.m, mtx_plain);
    thrd_t a, b;
    thrd_create(&a, deposits, NULL);
    thrd_create(&b, interest, NULL);
    thrd_join(a, NULL);
    thrd_join(b, NULL);
    printf("%ld %ld\n", savings.balance, checking.balance);
    return 0;
}
