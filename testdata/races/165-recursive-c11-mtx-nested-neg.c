/* Pattern: C11 recursive mutex (mtx_plain | mtx_recursive) locked twice
 * in one function.
 * Verdict: race-free. resize() takes tbl_mtx, calls grow() which takes it
 * again, and writes `capacity` between the inner and outer unlock.
 */
// class: recursive-and-typed-locks
// expect-none
#include <stdio.h>
#include <threads.h>

static mtx_t tbl_mtx;
static int capacity = 16;
static int entries;

static void grow(void)
{
    mtx_lock(&tbl_mtx);
    capacity *= 2;
    mtx_unlock(&tbl_mtx);
}

static void insert(void)
{
    mtx_lock(&tbl_mtx);
    if (entries + 1 > capacity)
        grow();
    entries++;
    capacity += 0;
    mtx_unlock(&tbl_mtx);
}

static int filler(void *arg)
{
    for (int i = 0; i < 1000; i++)
        insert();
    return arg != NULL;
}

int main(void)
{
    mtx_init(&tbl_mtx, mtx_plain | mtx_recursive);
    thrd_t t[2];
    for (int i = 0; i < 2; i++)
        thrd_create(&t[i], filler, NULL);
    for (int i = 0; i < 2; i++)
        thrd_join(t[i], NULL);
    printf("%d %d\n", entries, capacity);
    return 0;
}
