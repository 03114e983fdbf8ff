/* CL013 positive: a volatile enum used as a state machine between a
 * warm-up thread and the main thread: the thread stores each phase as it
 * reaches it, main spins until the cache is warm. The stores of two
 * different lines and main's read are one finding at the declaration.
 */
#include <pthread.h>
#include <sched.h>
#include <stdio.h>

enum phase { PHASE_INIT, PHASE_LOADING, PHASE_WARM };

static volatile enum phase g_phase = PHASE_INIT; // expect: CL013 {{volatile 'g_phase'}}
static int g_cache[256];

static void *warmup_main(void *arg)
{
    (void)arg;
    g_phase = PHASE_LOADING; // expect-related: CL013 {{store to 'g_phase' in 'warmup_main'}}
    for (int i = 0; i < 256; i++)
        g_cache[i] = i * i;
    g_phase = PHASE_WARM; // expect-related: CL013 {{store to 'g_phase' in 'warmup_main'}}
    return NULL;
}

int main(void)
{
    pthread_t t;
    if (pthread_create(&t, NULL, warmup_main, NULL) != 0)
        return 1;
    while (g_phase != PHASE_WARM) // expect-related: CL013 {{read of 'g_phase' in 'main'}}
        sched_yield();
    pthread_join(t, NULL);
    printf("%d\n", g_cache[17]);
    return 0;
}
