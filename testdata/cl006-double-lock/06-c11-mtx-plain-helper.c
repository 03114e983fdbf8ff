/* CL006 positive, C11 <threads.h>: a plain mtx_t (mtx_init with
 * mtx_plain) is locked again by a helper called inside the critical
 * section.
 */
#include <threads.h>

static mtx_t table_mtx;
static int table[16], used;

static int table_full(void)
{
    mtx_lock(&table_mtx);
    int full = used == 16;
    mtx_unlock(&table_mtx);
    return full;
}

static int table_add(int v)
{
    mtx_lock(&table_mtx);
    if (table_full()) { // expect: CL006 {{'table_mtx'}}
        mtx_unlock(&table_mtx);
        return -1;
    }
    table[used++] = v;
    mtx_unlock(&table_mtx);
    return 0;
}

static int adder(void *arg)
{
    (void)arg;
    return table_add(1);
}

int main(void)
{
    thrd_t t;
    mtx_init(&table_mtx, mtx_plain);
    thrd_create(&t, adder, NULL);
    thrd_join(t, NULL);
    return 0;
}
