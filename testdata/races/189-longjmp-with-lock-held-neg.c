/* Pattern: longjmp out of a critical section back to a handler that
 * still holds the lock, then releases it.
 * Verdict: race-free. The worker takes `lock` and calls apply(), which
 * longjmps back on overflow; the handler branch (setjmp returned
 * non-zero) resets `balance` with `lock` still held, then unlocks. The
 * other thread only touches `balance` under `lock`.
 */
// class: noreturn-setjmp
// expect-none
#include <pthread.h>
#include <setjmp.h>
#include <stdio.h>

static jmp_buf overflow;
static long balance;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static void apply(long amount)
{
    if (balance + amount > 1000000)
        longjmp(overflow, 1);
    balance += amount;
}

static void *auditor(void *arg)
{
    pthread_mutex_lock(&lock);
    long seen = balance;
    pthread_mutex_unlock(&lock);
    printf("%ld\n", seen);
    return arg;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, auditor, NULL);
    if (setjmp(overflow)) {
        balance = 0;
        pthread_mutex_unlock(&lock);
    } else {
        pthread_mutex_lock(&lock);
        for (int i = 0; i < 100; i++)
            apply(50000);
        pthread_mutex_unlock(&lock);
    }
    pthread_join(t, NULL);
    return 0;
}
