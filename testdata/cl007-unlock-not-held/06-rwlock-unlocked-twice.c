/* CL007 positive: a reader releases the read lock inside the loop when it
 * finds the key, breaks out, and releases it again after the loop.
 */
#include <pthread.h>

static pthread_rwlock_t idx_lock = PTHREAD_RWLOCK_INITIALIZER;
static int idx[64];

static int idx_find(int key)
{
    int pos = -1;
    pthread_rwlock_rdlock(&idx_lock);
    for (int i = 0; i < 64; i++)
        if (idx[i] == key) {
            pos = i;
            pthread_rwlock_unlock(&idx_lock);
            break;
        }
    pthread_rwlock_unlock(&idx_lock); // expect: CL007 {{'idx_lock'}}
    return pos;
}

static void *searcher(void *arg)
{
    return (void *)(long)idx_find(arg != NULL);
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, searcher, NULL);
    pthread_join(t, NULL);
    return 0;
}
