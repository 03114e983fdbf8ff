/* CL007 positive: the transfer locks the source account, then unlocks the
 * destination account's mutex (a copy-paste slip): the lock taken stays
 * held and a lock not held is released.
 */
#include <pthread.h>

struct account { pthread_mutex_t m; long balance; };
static struct account acc_a = { PTHREAD_MUTEX_INITIALIZER, 100 };
static struct account acc_b = { PTHREAD_MUTEX_INITIALIZER, 0 };

static void withdraw(struct account *from, struct account *to, long v)
{
    pthread_mutex_lock(&from->m);
    from->balance -= v;
    pthread_mutex_unlock(&to->m); // expect-related: CL007 {{unlocked here, in 'withdraw'}}
}

static void deposit(struct account *to, long v)
{
    pthread_mutex_lock(&to->m);
    to->balance += v;
    pthread_mutex_unlock(&to->m);
}

static void *teller(void *arg)
{
    withdraw(&acc_a, &acc_b, 10); // expect: CL007 {{call to 'withdraw' unlocks 'to->m'}}
    deposit(&acc_b, 10);
    return arg;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, teller, NULL);
    pthread_join(t, NULL);
    return 0;
}
