/* Pattern: main updates a global through a local pointer to it
 * (`int *p = &balance; *p -= 10;`) while a thread updates the global by
 * name under a lock.
 * Verdict: racy: the write through `p` is a write to `balance` with no
 * lock.
 */
#include <pthread.h>
#include <stdio.h>

// class: pointer-aliases

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static int balance = 100;

static void *deposit(void *arg)
{
    pthread_mutex_lock(&m);
    balance += 10;
    pthread_mutex_unlock(&m);
    return arg;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, deposit, NULL);
    int *p = &balance;
    *p -= 10; // expect: CL002
    pthread_join(t, NULL);
    printf("%d\n", balance);
    return 0;
}
