/* Pattern: test-and-test-and-set spinlock from C11 atomics, in helpers.
 * Verdict: race-free. spin_acquire() waits while the word is set, then
 * tries atomic_exchange(word, 1) until it wins; spin_release() stores 0
 * (seq_cst). `balance` is only touched between the two.
 */
// class: atomic-locks
// expect-none
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>

static atomic_int word;
static long balance;

static void spin_acquire(atomic_int *w)
{
    for (;;) {
        while (atomic_load(w))
            ;
        if (!atomic_exchange(w, 1))
            break;
    }
}

static void spin_release(atomic_int *w)
{
    atomic_store(w, 0);
}

static void *teller(void *arg)
{
    for (int i = 0; i < 1000; i++) {
        spin_acquire(&word);
        balance += (i % 3) - 1;
        spin_release(&word);
    }
    return arg;
}

int main(void)
{
    pthread_t t[4];
    for (int i = 0; i < 4; i++)
        pthread_create(&t[i], NULL, teller, NULL);
    for (int i = 0; i < 4; i++)
        pthread_join(t[i], NULL);
    printf("%ld\n", balance);
    return 0;
}
