/* Pattern: global reached through pointers, with its lock.
 * Verdict: race-free. Workers receive a pointer to the global `acct`
 * whose embedded mutex guards `balance`; every access through the pointer
 * and the direct one in the auditor hold acct.lock.
 */
// expect-none
#include <pthread.h>
#include <stdio.h>

#define NT 4
struct account { pthread_mutex_t lock; long balance; };
static struct account acct = { PTHREAD_MUTEX_INITIALIZER, 0 };

static void *depositor(void *arg)
{
    struct account *a = arg;
    for (int i = 0; i < 1000; i++) {
        pthread_mutex_lock(&a->lock);
        a->balance += 5;
        pthread_mutex_unlock(&a->lock);
    }
    return NULL;
}

static void *auditor(void *arg)
{
    long seen = 0;
    for (int i = 0; i < 100; i++) {
        pthread_mutex_lock(&acct.lock);
        seen = acct.balance;
        pthread_mutex_unlock(&acct.lock);
    }
    printf("%ld\n", seen);
    return arg;
}

int main(void)
{
    pthread_t t[NT], a;
    for (int i = 0; i < NT; i++)
        pthread_create(&t[i], NULL, depositor, &acct);
    pthread_create(&a, NULL, auditor, NULL);
    for (int i = 0; i < NT; i++)
        pthread_join(t[i], NULL);
    pthread_join(a, NULL);
    return 0;
}
