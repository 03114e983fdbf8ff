/* CL006 positive: the mutex is made with an attribute of type
 * PTHREAD_MUTEX_ERRORCHECK, not recursive: locking it again fails with
 * EDEADLK and the unchecked code goes on unprotected.
 */
#define _GNU_SOURCE
#include <pthread.h>

static pthread_mutex_t acct_lock;
static long balance;

static void audit(void)
{
    pthread_mutex_lock(&acct_lock);
    if (balance < 0)
        balance = 0;
    pthread_mutex_unlock(&acct_lock);
}

static void deposit(long v)
{
    pthread_mutex_lock(&acct_lock);
    balance += v;
    audit(); // expect: CL006
    pthread_mutex_unlock(&acct_lock);
}

static void *teller(void *arg)
{
    for (int i = 0; i < 10; i++)
        deposit(i);
    return arg;
}

int main(void)
{
    pthread_mutexattr_t a;
    pthread_mutexattr_init(&a);
    pthread_mutexattr_settype(&a, PTHREAD_MUTEX_ERRORCHECK);
    pthread_mutex_init(&acct_lock, &a);
    pthread_mutexattr_destroy(&a);
    pthread_t t;
    pthread_create(&t, NULL, teller, NULL);
    pthread_join(t, NULL);
    return 0;
}
