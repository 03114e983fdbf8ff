/* Pattern: the optional pool of 232 with C11 threads, a plain global
 * `single_threaded` set once at start-up, and the test reached through
 * one more helper layer on both sides (`stats_add` -> `bump`).
 * Verdict: race-free. The collector thread is started only where
 * `single_threaded == 0`; the unlocked path runs only where it is 1,
 * that is in programs where no collector exists.
 */
#include <stdio.h>
#include <threads.h>

// class: mode-global-fields
// expect-none

static int single_threaded;
static long samples;
static mtx_t stats_lock;

static void bump(long n)
{
    if (single_threaded) {
        samples += n;
        return;
    }
    mtx_lock(&stats_lock);
    samples += n;
    mtx_unlock(&stats_lock);
}

static void stats_add(long n)
{
    bump(n);
}

static int collector_main(void *arg)
{
    (void)arg;
    for (int i = 0; i < 10; i++)
        stats_add(1);
    return 0;
}

int main(int argc, char **argv)
{
    thrd_t t;
    (void)argv;
    single_threaded = argc < 2;
    mtx_init(&stats_lock, mtx_plain);
    if (!single_threaded)
        thrd_create(&t, collector_main, NULL);
    stats_add(5);
    if (!single_threaded)
        thrd_join(t, NULL);
    printf("%ld\n", samples);
    return 0;
}
