/* Pattern: C11 <threads.h>: thrd_create with mtx_t.
 * Verdict: race-free. Every access to `served` in the threads holds
 * served_mtx (mtx_lock/mtx_unlock); main reads after thrd_join.
 */
// expect-none
#include <stdio.h>
#include <threads.h>

#define NT 4
static mtx_t served_mtx;
static long served;

static int worker(void *arg)
{
    for (int i = 0; i < 1000; i++) {
        mtx_lock(&served_mtx);
        served++;
        mtx_unlock(&served_mtx);
    }
    return arg != NULL;
}

int main(void)
{
    if (mtx_init(&served_mtx, mtx_plain) != thrd_success)
        return 1;
    thrd_t t[NT];
    for (int i = 0; i < NT; i++)
        thrd_create(&t[i], worker, NULL);
    for (int i = 0; i < NT; i++)
        thrd_join(t[i], NULL);
    mtx_destroy(&served_mtx);
    printf("%ld\n", served);
    return 0;
}
