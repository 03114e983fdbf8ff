/* CL006 negative, C11: the mutex is initialized mtx_plain | mtx_recursive,
 * so the helper may take it again.
 */
// expect-none
#include <threads.h>

static mtx_t tree_mtx;
static int depth;

static void grow(int n)
{
    mtx_lock(&tree_mtx);
    depth += n;
    mtx_unlock(&tree_mtx);
}

static int builder(void *arg)
{
    (void)arg;
    mtx_lock(&tree_mtx);
    grow(1);
    mtx_unlock(&tree_mtx);
    return 0;
}

int main(void)
{
    thrd_t t;
    mtx_init(&tree_mtx, mtx_plain | mtx_recursive);
    thrd_create(&t, builder, NULL);
    thrd_join(t, NULL);
    return 0;
}
