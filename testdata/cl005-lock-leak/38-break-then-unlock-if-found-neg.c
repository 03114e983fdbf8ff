/* CL005 negative (a free-list allocator): the scan breaks out of the loop
 * holding the lock of the pool where it found room, and the code after
 * the loop unlocks it when something was found; the loop's other exit
 * holds nothing. The unlock under `if (found)` balances the break.
 */
// class: jump-past-unlock
// expect-none
#include <pthread.h>
#include <stddef.h>

struct pool {
    pthread_mutex_t lock;
    int nfree;
};

static struct pool pools[4];

static struct pool *pool_take(void)
{
    struct pool *found = NULL;
    for (int i = 0; i < 4; i++) {
        pthread_mutex_lock(&pools[0].lock);
        if (pools[0].nfree > 0) {
            found = &pools[0];
            break;
        }
        pthread_mutex_unlock(&pools[0].lock);
    }
    if (found != NULL) {
        found->nfree--;
        pthread_mutex_unlock(&pools[0].lock);
    }
    return found;
}

static void *worker(void *arg)
{
    pool_take();
    return arg;
}

int main(void)
{
    pthread_t a, b;
    pthread_mutex_init(&pools[0].lock, NULL);
    pthread_create(&a, NULL, worker, NULL);
    pthread_create(&b, NULL, worker, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    return 0;
}
