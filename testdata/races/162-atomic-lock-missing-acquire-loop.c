/* Pattern: GCC __sync compare-and-swap "lock" without a retry loop.
 * Verdict: racy. try_enter() swaps 0 -> 1 once and ignores the result, so
 * a thread that lost the race enters anyway and updates `slots_used`
 * together with the winner.
 */
// class: atomic-locks
#include <pthread.h>
#include <stdio.h>

static int gate;
static int slots_used;

static void try_enter(void)
{
    (void)__sync_bool_compare_and_swap(&gate, 0, 1);
}

static void leave(void)
{
    __sync_lock_release(&gate);
}

static void *client(void *arg)
{
    for (int i = 0; i < 100; i++) {
        try_enter();
        slots_used++; // expect: CL002
        leave();
    }
    return arg;
}

int main(void)
{
    pthread_t t[3];
    for (int i = 0; i < 3; i++)
        pthread_create(&t[i], NULL, client, NULL);
    for (int i = 0; i < 3; i++)
        pthread_join(t[i], NULL);
    printf("%d\n", slots_used);
    return 0;
}
