/* CL008 negative: the reverse nesting uses trylock for the inner lock and
 * backs off when it fails (memcached's LRU crawler does this, PR #735). */
// expect-none
#include <pthread.h>
#include <sched.h>

static pthread_mutex_t lru_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t item_lock = PTHREAD_MUTEX_INITIALIZER;
static int lru_len, refcount;

static void *item_user(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&item_lock);
    pthread_mutex_lock(&lru_lock);
    lru_len++;
    refcount++;
    pthread_mutex_unlock(&lru_lock);
    pthread_mutex_unlock(&item_lock);
    return NULL;
}

static void *crawler(void *arg)
{
    (void)arg;
    for (int i = 0; i < 100; i++) {
        pthread_mutex_lock(&lru_lock);
        if (pthread_mutex_trylock(&item_lock) == 0) {
            refcount--;
            pthread_mutex_unlock(&item_lock);
        }
        pthread_mutex_unlock(&lru_lock);
        sched_yield();
    }
    return NULL;
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, NULL, item_user, NULL);
    pthread_create(&b, NULL, crawler, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    return 0;
}
