/* Pattern: a global pool of buffers: each worker takes a buffer off the
 * pool under the lock, uses it outside the lock, and puts it back under
 * the lock; it does not touch the buffer after putting it back.
 * Verdict: race-free. A buffer is used only by the worker that took it,
 * between its take and its put.
 */
// class: ownership-transfer
// expect-none
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

struct buf { struct buf *next; int used; char data[64]; };

static pthread_mutex_t pool_lock = PTHREAD_MUTEX_INITIALIZER;
static struct buf *pool;

static void *worker(void *arg)
{
    (void)arg;
    for (int n = 0; n < 100; n++) {
        pthread_mutex_lock(&pool_lock);
        struct buf *b = pool;
        if (b != NULL)
            pool = b->next;
        pthread_mutex_unlock(&pool_lock);
        if (b == NULL)
            continue;
        b->used++;
        memset(b->data, n, sizeof b->data);
        pthread_mutex_lock(&pool_lock);
        b->next = pool;
        pool = b;
        pthread_mutex_unlock(&pool_lock);
    }
    return NULL;
}

int main(void)
{
    for (int i = 0; i < 4; i++) {
        struct buf *b = calloc(1, sizeof *b);
        if (b == NULL)
            return 1;
        b->next = pool;
        pool = b;
    }
    pthread_t t[3];
    for (int i = 0; i < 3; i++)
        pthread_create(&t[i], NULL, worker, NULL);
    for (int i = 0; i < 3; i++)
        pthread_join(t[i], NULL);
    return 0;
}
