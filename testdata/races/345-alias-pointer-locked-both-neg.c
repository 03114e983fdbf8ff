/* Pattern: a thread updates a global through a pointer stored in another
 * global (`int *target = &balance`), main updates it by name; both hold
 * the same mutex.
 * Verdict: race-free. Both accesses are to `balance` under `m`.
 */
#include <pthread.h>
#include <stdio.h>

// class: pointer-aliases
// expect-none

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static int balance = 100;
static int *target = &balance;

static void *deposit(void *arg)
{
    pthread_mutex_lock(&m);
    *target += 10;
    pthread_mutex_unlock(&m);
    return arg;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, deposit, NULL);
    pthread_mutex_lock(&m);
    balance -= 10;
    pthread_mutex_unlock(&m);
    pthread_join(t, NULL);
    printf("%d\n", balance);
    return 0;
}
