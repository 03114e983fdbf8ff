/* Pattern: signal-style `volatile sig_atomic_t` flag used between threads.
 * Verdict: racy. sig_atomic_t is only atomic with respect to a signal
 * handler on the same thread; between threads the loader's write of
 * `loaded` and main's polling read race. Both unlocked; the write is in the
 * spawned thread. A volatile flag's race is CL013's (reported at the
 * declaration), not CL002's.
 */
#include <pthread.h>
#include <signal.h>
#include <stdio.h>

static volatile sig_atomic_t loaded; // expect: CL013 {{stored in 'loader' (line 17) and read in 'main' (line 26)}}

static void *loader(void *arg)
{
    /* ... load something ... */
    loaded = 1; // expect-related: CL013 {{store to 'loaded' in 'loader'}}
    return arg;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, loader, NULL);
    unsigned long spins = 0;
    while (!loaded)
        spins++;
    pthread_join(t, NULL);
    printf("%lu\n", spins);
    return 0;
}
