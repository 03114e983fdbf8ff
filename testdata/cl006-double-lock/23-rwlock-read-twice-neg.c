/* CL006 negative: a reader holding the read lock calls a getter that takes
 * the read lock again: shared locks may be taken again by their holder.
 */
// expect-none
#include <pthread.h>

static pthread_rwlock_t map_lock = PTHREAD_RWLOCK_INITIALIZER;
static int map[32];

static int map_get(int k)
{
    pthread_rwlock_rdlock(&map_lock);
    int v = map[k & 31];
    pthread_rwlock_unlock(&map_lock);
    return v;
}

static void *reader(void *arg)
{
    long sum = 0;
    pthread_rwlock_rdlock(&map_lock);
    for (int k = 0; k < 32; k++)
        sum += map_get(k);
    pthread_rwlock_unlock(&map_lock);
    return arg == NULL ? (void *)sum : NULL;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, reader, NULL);
    pthread_join(t, NULL);
    return 0;
}
