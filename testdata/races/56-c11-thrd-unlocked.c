/* Pattern: C11 <threads.h> threads without the mutex.
 * Verdict: racy. Threads started with thrd_create in a loop update
 * `queued` with no lock; the update races with itself.
 */
#include <stdio.h>
#include <threads.h>

#define NT 4
static mtx_t log_mtx;
static long queued;

static int worker(void *arg)
{
    for (int i = 0; i < 1000; i++)
        queued += 2; // expect: CL002
    mtx_lock(&log_mtx);
    puts("done");
    mtx_unlock(&log_mtx);
    return arg != NULL;
}

int main(void)
{
    mtx_init(&log_mtx, mtx_plain);
    thrd_t t[NT];
    for (int i = 0; i < NT; i++)
        thrd_create(&t[i], worker, NULL);
    for (int i = 0; i < NT; i++)
        thrd_join(t[i], NULL);
    printf("%ld\n", queued);
    return 0;
}
