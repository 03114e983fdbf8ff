/* Pattern: C11 mutex taken when a helper says so; the answer is asked
 * again (and may differ) before the guarded update.
 * Verdict: racy. `shared` is reassigned from need_sync() between the
 * conditional mtx_lock and `if (shared) lines++`: the second answer does
 * not say the mutex is held.
 */
// class: conditional-locking
#include <stdio.h>
#include <threads.h>

static mtx_t log_mtx;
static long lines;
static int mode_bits = 3;

static int need_sync(int round)
{
    return (round & mode_bits) != 0;
}

static int logger(void *arg)
{
    for (int r = 0; r < 100; r++) {
        int shared = need_sync(r);
        if (shared)
            mtx_lock(&log_mtx);
        int was = shared;
        shared = need_sync(r + 1);
        if (shared)
            lines++; // expect: CL002
        if (was)
            mtx_unlock(&log_mtx);
    }
    return arg != NULL;
}

int main(void)
{
    mtx_init(&log_mtx, mtx_plain);
    thrd_t t[3];
    for (int i = 0; i < 3; i++)
        thrd_create(&t[i], logger, NULL);
    for (int i = 0; i < 3; i++)
        thrd_join(t[i], NULL);
    printf("%ld\n", lines);
    return 0;
}
