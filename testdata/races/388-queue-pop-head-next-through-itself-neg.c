/* Pattern: a buffer pool hands out free buffers to I/O threads; a thread
 * takes the first free buffer and advances the list head through the head
 * itself (`pool->free = pool->free->next`), all under the pool lock, then
 * fills and returns-to-the-kernel (frees) the buffer without the lock.
 * Verdict: race-free. The buffer taken off the free list is the taking
 * thread's own.
 */
// class: ownership-transfer
// expect-none
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

struct buf {
    struct buf *next;
    size_t used;
    char data[256];
};

struct pool {
    pthread_mutex_t lock;
    struct buf *free;
};

static void *io_thread(void *arg)
{
    struct pool *pool = arg;
    for (int i = 0; i < 8; i++) {
        pthread_mutex_lock(&pool->lock);
        struct buf *b = pool->free;
        if (b == NULL) {
            pthread_mutex_unlock(&pool->lock);
            break;
        }
        pool->free = pool->free->next;
        pthread_mutex_unlock(&pool->lock);
        memset(b->data, 'x', sizeof b->data);
        b->used = sizeof b->data;
        free(b);
    }
    return NULL;
}

int main(void)
{
    static struct pool pool = { PTHREAD_MUTEX_INITIALIZER, NULL };
    for (int i = 0; i < 32; i++) {
        struct buf *b = calloc(1, sizeof *b);
        if (b == NULL)
            return 1;
        b->next = pool.free;
        pool.free = b;
    }
    pthread_t t[3];
    for (int i = 0; i < 3; i++)
        pthread_create(&t[i], NULL, io_thread, &pool);
    for (int i = 0; i < 3; i++)
        pthread_join(t[i], NULL);
    return 0;
}
