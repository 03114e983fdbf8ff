/* Pattern: the C11 collector of 233, but the collector is started
 * unconditionally: `single_threaded` only says whether the user asked for
 * threads, it does not stop the program from starting one.
 * Verdict: racy. With `single_threaded` set, main and the collector both
 * update `samples` without the lock.
 */
#include <stdio.h>
#include <threads.h>

// class: mode-global-fields

static int single_threaded;
static long samples;
static mtx_t stats_lock;

static void bump(long n)
{
    if (single_threaded) {
        samples += n; // expect: CL002
        return;
    }
    mtx_lock(&stats_lock);
    samples += n;
    mtx_unlock(&stats_lock);
}

static int collector_main(void *arg)
{
    (void)arg;
    for (int i = 0; i < 10; i++)
        bump(1);
    return 0;
}

int main(int argc, char **argv)
{
    thrd_t t;
    (void)argv;
    single_threaded = argc < 2;
    mtx_init(&stats_lock, mtx_plain);
    thrd_create(&t, collector_main, NULL);
    bump(5);
    thrd_join(t, NULL);
    printf("%ld\n", samples);
    return 0;
}
