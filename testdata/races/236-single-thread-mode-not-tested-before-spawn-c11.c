/* Pattern: a C11 sampler thread started unconditionally, while a plain
 * global `solo` (set from the command line) tells the shared recorder
 * whether it may skip the lock. Nothing ties `solo` to the thread's
 * existence: no test of it guards the spawn.
 * Verdict: racy. With `solo` set the sampler and main both add to
 * `histogram` without the lock.
 */
#include <stdio.h>
#include <threads.h>

// class: mode-global-fields

static int solo;
static unsigned histogram[8];
static mtx_t hist_lock;

static void record(unsigned v)
{
    if (solo == 1) {
        histogram[v % 8]++; // expect: CL002
        return;
    }
    mtx_lock(&hist_lock);
    histogram[v % 8]++;
    mtx_unlock(&hist_lock);
}

static int sampler_main(void *arg)
{
    unsigned seed = *(unsigned *)arg;
    for (unsigned k = 0; k < 50; k++)
        record(seed + k);
    return 0;
}

int main(int argc, char **argv)
{
    thrd_t t;
    unsigned seed = 7;
    (void)argv;
    solo = argc == 1;
    mtx_init(&hist_lock, mtx_plain);
    thrd_create(&t, sampler_main, &seed);
    record(3);
    thrd_join(t, NULL);
    printf("%u\n", histogram[3]);
    return 0;
}
