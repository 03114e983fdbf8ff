/* Pattern: trylock with the result checked the wrong way round.
 * Verdict: racy. pthread_mutex_trylock returns 0 on success; this code
 * touches `dirty` in the branch taken when it returned non-zero (EBUSY),
 * i.e. exactly when another thread holds the lock.
 */
#include <pthread.h>

#define NT 4
static pthread_mutex_t page_lock = PTHREAD_MUTEX_INITIALIZER;
static int dirty;

static void *writer(void *arg)
{
    for (int i = 0; i < 1000; i++) {
        if (pthread_mutex_trylock(&page_lock) != 0) {
            dirty = 1; // expect: CL002
        } else {
            dirty = 0;
            pthread_mutex_unlock(&page_lock);
        }
    }
    return arg;
}

int main(void)
{
    pthread_t t[NT];
    for (int i = 0; i < NT; i++)
        pthread_create(&t[i], NULL, writer, NULL);
    for (int i = 0; i < NT; i++)
        pthread_join(t[i], NULL);
    return dirty;
}
