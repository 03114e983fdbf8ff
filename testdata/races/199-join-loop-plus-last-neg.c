/* Pattern: C11 threads; the join loop stops one short because the last
 * thread is special (the merger), and it is joined on its own right after
 * the loop.
 * Verdict: race-free. Every thread is joined before main reads `merged`.
 */
// class: join-coverage
// expect-none
#include <stdio.h>
#include <threads.h>

#define NPARTS 5
static long merged;
static mtx_t merge_mtx;

static int part_main(void *arg)
{
    long n = (long)arg;
    mtx_lock(&merge_mtx);
    merged += n * n;
    mtx_unlock(&merge_mtx);
    return 0;
}

static int merger_main(void *arg)
{
    mtx_lock(&merge_mtx);
    merged *= 2;
    mtx_unlock(&merge_mtx);
    return arg != NULL;
}

int main(void)
{
    thrd_t parts[NPARTS];
    mtx_init(&merge_mtx, mtx_plain);
    for (long i = 0; i < NPARTS - 1; i++)
        thrd_create(&parts[i], part_main, (void *)i);
    thrd_create(&parts[NPARTS - 1], merger_main, NULL);
    for (int i = 0; i < NPARTS - 1; i++)
        thrd_join(parts[i], NULL);
    thrd_join(parts[NPARTS - 1], NULL);
    printf("%ld\n", merged);
    mtx_destroy(&merge_mtx);
    return 0;
}
