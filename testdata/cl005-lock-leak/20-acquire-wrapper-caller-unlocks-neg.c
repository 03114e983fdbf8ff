/* CL005 negative: item_lock_get() looks an item up and returns it with
 * its bucket lock held (unlocking on the not-found path); every caller
 * unlocks after using the item. A lock wrapper, not a leak.
 */
// expect-none
#include <pthread.h>
#include <stddef.h>

struct item { int key, val; };
static pthread_mutex_t bucket_lock = PTHREAD_MUTEX_INITIALIZER;
static struct item items[16];

static struct item *item_lock_get(int key)
{
    pthread_mutex_lock(&bucket_lock);
    for (int i = 0; i < 16; i++)
        if (items[i].key == key)
            return &items[i];
    pthread_mutex_unlock(&bucket_lock);
    return NULL;
}

static void *reader(void *arg)
{
    long sum = 0;
    for (int k = 0; k < 100; k++) {
        struct item *it = item_lock_get(k);
        if (it == NULL)
            continue;
        sum += it->val;
        pthread_mutex_unlock(&bucket_lock);
    }
    return arg == NULL ? (void *)sum : NULL;
}

int main(void)
{
    pthread_t t[2];
    for (int i = 0; i < 2; i++)
        pthread_create(&t[i], NULL, reader, NULL);
    for (int i = 0; i < 2; i++)
        pthread_join(t[i], NULL);
    return 0;
}
