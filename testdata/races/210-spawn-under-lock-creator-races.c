/* Pattern: the creator holds the lock across spawn and join, but itself
 * touches the shared object between them.
 * Verdict: racy. The lock orders the child against other threads, not
 * against the creator that holds it: main's write to `table_gen` runs
 * while the rebuild thread writes it too.
 */
// class: spawn-under-lock
#include <stdio.h>
#include <threads.h>

static mtx_t table_mtx;
static int table_gen;

static int rebuild(void *arg)
{
    table_gen++; // expect: CL002
    return arg != NULL;
}

int main(void)
{
    thrd_t rb;
    mtx_init(&table_mtx, mtx_plain);
    mtx_lock(&table_mtx);
    thrd_create(&rb, rebuild, NULL);
    table_gen = 100;
    thrd_join(rb, NULL);
    mtx_unlock(&table_mtx);
    printf("%d\n", table_gen);
    mtx_destroy(&table_mtx);
    return 0;
}
