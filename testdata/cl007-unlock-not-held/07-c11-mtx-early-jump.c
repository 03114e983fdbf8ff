/* CL007 positive, C11 <threads.h>: the NULL check jumps to the cleanup
 * label that unlocks, before mtx_lock.
 */
#include <stddef.h>
#include <threads.h>

static mtx_t q_mtx;
static int q_len;

static int q_push(const int *v)
{
    if (v == NULL)
        goto done;
    mtx_lock(&q_mtx);
    q_len += *v;
done:
    mtx_unlock(&q_mtx); // expect: CL007
    return 0;
}

static int producer(void *arg)
{
    int one = 1;
    q_push(arg != NULL ? &one : NULL);
    return 0;
}

int main(void)
{
    thrd_t t;
    mtx_init(&q_mtx, mtx_plain);
    thrd_create(&t, producer, NULL);
    thrd_join(t, NULL);
    return 0;
}
