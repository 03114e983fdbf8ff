/* Pattern: Peterson's mutual exclusion for two threads with sequentially
 * consistent atomics.
 * Verdict: race-free. Thread `me` raises interested[me], yields the turn
 * and spins while the other is interested and has the turn; it leaves by
 * clearing interested[me]. All flag and turn accesses are seq_cst, so the
 * plain `shared_count` updates are mutually exclusive.
 */
// class: atomic-locks
// expect-none
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>

static atomic_int interested[2];
static atomic_int turn;
static int shared_count;

static void enter(int me)
{
    int other = 1 - me;
    atomic_store(&interested[me], 1);
    atomic_store(&turn, other);
    while (atomic_load(&interested[other]) && atomic_load(&turn) == other)
        ;
}

static void leave(int me)
{
    atomic_store(&interested[me], 0);
}

static void *side(void *arg)
{
    int me = (int)(intptr_t)arg;
    for (int i = 0; i < 1000; i++) {
        enter(me);
        shared_count++;
        leave(me);
    }
    return NULL;
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, NULL, side, (void *)(intptr_t)0);
    pthread_create(&b, NULL, side, (void *)(intptr_t)1);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    printf("%d\n", shared_count);
    return 0;
}
