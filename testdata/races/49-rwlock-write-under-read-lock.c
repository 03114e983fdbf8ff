/* Pattern: rwlock, a write done under the read lock.
 * Verdict: racy. lookup() takes the read lock (shared with other readers)
 * and then updates the `lookups` statistic. Readers run in parallel under
 * a read lock, so the write races with itself across reader threads.
 */
#include <pthread.h>

#define NR 4
static pthread_rwlock_t map_lock = PTHREAD_RWLOCK_INITIALIZER;
static int map[32];
static unsigned long lookups;

static int lookup(int k)
{
    pthread_rwlock_rdlock(&map_lock);
    int v = map[k & 31];
    lookups++; // expect: CL002
    pthread_rwlock_unlock(&map_lock);
    return v;
}

static void *reader(void *arg)
{
    long s = 0;
    for (int i = 0; i < 1000; i++)
        s += lookup(i);
    return s ? arg : NULL;
}

int main(void)
{
    pthread_t r[NR];
    for (int i = 0; i < NR; i++)
        pthread_create(&r[i], NULL, reader, NULL);
    for (int i = 0; i < NR; i++)
        pthread_join(r[i], NULL);
    return (int)(lookups & 1);
}
