/* CL005 positive, C11 <threads.h>: a connection pool's checkout returns
 * NULL when every connection is busy, without mtx_unlock.
 */
#include <stddef.h>
#include <threads.h>

#define POOL 8
struct conn { int fd, busy; };
struct pool { mtx_t m; struct conn c[POOL]; };

static struct pool pool;

struct conn *pool_checkout(struct pool *p)
{
    mtx_lock(&p->m);
    for (int i = 0; i < POOL; i++)
        if (!p->c[i].busy) {
            p->c[i].busy = 1;
            mtx_unlock(&p->m);
            return &p->c[i];
        }
    return NULL; // expect: CL005 {{release 'p->m' on this path}}
}

static int worker(void *arg)
{
    (void)arg;
    struct conn *c = pool_checkout(&pool);
    return c != NULL;
}

int main(void)
{
    thrd_t t;
    mtx_init(&pool.m, mtx_plain);
    thrd_create(&t, worker, NULL);
    thrd_join(t, NULL);
    return 0;
}
