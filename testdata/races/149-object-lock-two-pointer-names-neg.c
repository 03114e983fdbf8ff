/* Pattern: one object reached through two differently named pointers.
 * Verdict: race-free. `reader_view` and `writer_view` both point at the
 * same `inventory`; each thread locks the object's own mutex through its
 * pointer before touching `items`: the same mutex.
 */
// class: lock-in-object
// expect-none
#include <pthread.h>
#include <stdio.h>

struct store {
    pthread_mutex_t mu;
    int items;
};
static struct store inventory = { PTHREAD_MUTEX_INITIALIZER, 10 };
static struct store *const reader_view = &inventory;
static struct store *const writer_view = &inventory;

static void *restock(void *arg)
{
    for (int i = 0; i < 100; i++) {
        pthread_mutex_lock(&writer_view->mu);
        writer_view->items += 5;
        pthread_mutex_unlock(&writer_view->mu);
    }
    return arg;
}

static void *sell(void *arg)
{
    for (int i = 0; i < 100; i++) {
        pthread_mutex_lock(&reader_view->mu);
        if (reader_view->items > 0)
            reader_view->items--;
        pthread_mutex_unlock(&reader_view->mu);
    }
    return arg;
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, NULL, restock, NULL);
    pthread_create(&b, NULL, sell, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    printf("%d\n", inventory.items);
    return 0;
}
