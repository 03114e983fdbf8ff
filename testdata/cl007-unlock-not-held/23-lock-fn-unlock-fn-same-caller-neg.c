/* CL007 negative: the lock is taken in one function and released in
 * another, both called by the same caller (begin/commit of a batch).
 */
// expect-none
#include <pthread.h>

struct batch { pthread_mutex_t m; int items; };
static struct batch bt = { PTHREAD_MUTEX_INITIALIZER, 0 };

static void batch_begin(struct batch *b)
{
    pthread_mutex_lock(&b->m);
}

static void batch_commit(struct batch *b)
{
    b->items = 0;
    pthread_mutex_unlock(&b->m);
}

static void *flusher(void *arg)
{
    for (int i = 0; i < 10; i++) {
        batch_begin(&bt);
        bt.items++;
        batch_commit(&bt);
    }
    return arg;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, flusher, NULL);
    pthread_join(t, NULL);
    return 0;
}
