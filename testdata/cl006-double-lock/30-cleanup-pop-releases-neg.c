/* CL006 negative (a compressor's work queue, the cancellation-safe idiom
 * of squashfs-tools): each queue operation registers the mutex's unlock
 * as its cancellation handler, locks, and ends with
 * pthread_cleanup_pop(1), which runs the handler: the unlock. The next
 * call locks the mutex again, released.
 */
// expect-none
#include <pthread.h>
#include <stddef.h>

struct ring {
    pthread_mutex_t mu;
    pthread_cond_t not_full, not_empty;
    unsigned head, tail;
    void *slot[8];
};

static struct ring work = { PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER,
                            PTHREAD_COND_INITIALIZER, 0, 0, { NULL } };

static void ring_put(struct ring *r, void *item)
{
    pthread_cleanup_push((void *)pthread_mutex_unlock, &r->mu);
    pthread_mutex_lock(&r->mu);
    while (r->head - r->tail == 8)
        pthread_cond_wait(&r->not_full, &r->mu);
    r->slot[r->head++ % 8] = item;
    pthread_cond_signal(&r->not_empty);
    pthread_cleanup_pop(1);
}

static void *ring_get(struct ring *r)
{
    void *item;
    pthread_cleanup_push((void *)pthread_mutex_unlock, &r->mu);
    pthread_mutex_lock(&r->mu);
    while (r->head == r->tail)
        pthread_cond_wait(&r->not_empty, &r->mu);
    item = r->slot[r->tail++ % 8];
    pthread_cond_signal(&r->not_full);
    pthread_cleanup_pop(1);
    return item;
}

static void *reader(void *arg)
{
    (void)arg;
    for (size_t i = 1; i < 64; i++)
        ring_put(&work, (void *)i);
    ring_put(&work, NULL);
    return NULL;
}

static void *deflator(void *arg)
{
    size_t *n = arg;
    while (ring_get(&work) != NULL)
        (*n)++;
    return NULL;
}

int main(void)
{
    pthread_t r, d;
    size_t n = 0;
    pthread_create(&r, NULL, reader, NULL);
    pthread_create(&d, NULL, deflator, &n);
    pthread_join(r, NULL);
    pthread_join(d, NULL);
    return n == 63 ? 0 : 1;
}
