/* Pattern: C11 threads; main takes the table mutex, runs a rebuild thread
 * and joins it, then releases the mutex. Readers take the mutex.
 * Verdict: race-free. The rebuild thread's unlocked writes to `table`
 * happen entirely while main holds table_mtx; the reader threads touch
 * `table` only under table_mtx.
 */
// class: spawn-under-lock
// expect-none
#include <stdio.h>
#include <threads.h>

#define NREADERS 3
static mtx_t table_mtx;
static int table[16];

static int rebuild(void *arg)
{
    for (int i = 0; i < 16; i++)
        table[i] = i * i;
    return arg != NULL;
}

static int reader(void *arg)
{
    long s = 0;
    mtx_lock(&table_mtx);
    for (int i = 0; i < 16; i++)
        s += table[i];
    mtx_unlock(&table_mtx);
    return (int)(s & 1) + (arg != NULL);
}

int main(void)
{
    thrd_t readers[NREADERS], rb;
    mtx_init(&table_mtx, mtx_plain);
    for (int i = 0; i < NREADERS; i++)
        thrd_create(&readers[i], reader, NULL);
    mtx_lock(&table_mtx);
    if (thrd_create(&rb, rebuild, NULL) == thrd_success)
        thrd_join(rb, NULL);
    mtx_unlock(&table_mtx);
    for (int i = 0; i < NREADERS; i++)
        thrd_join(readers[i], NULL);
    mtx_destroy(&table_mtx);
    return 0;
}
