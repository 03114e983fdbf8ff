/* Pattern: the creator holds the lock when it spawns, but releases it
 * before the join.
 * Verdict: racy. Once the updater unlocks index_lock, the compactor's
 * unlocked write to `index_gen` races with the reporter's locked read.
 */
// class: spawn-under-lock
#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t index_lock = PTHREAD_MUTEX_INITIALIZER;
static long index_gen;

static void *compactor(void *arg)
{
    index_gen++; // expect: CL002
    return arg;
}

static void *updater(void *arg)
{
    pthread_t c;
    pthread_mutex_lock(&index_lock);
    pthread_create(&c, NULL, compactor, NULL);
    pthread_mutex_unlock(&index_lock);
    pthread_join(c, NULL);
    return arg;
}

static void *reporter(void *arg)
{
    pthread_mutex_lock(&index_lock);
    printf("gen %ld\n", index_gen);
    pthread_mutex_unlock(&index_lock);
    return arg;
}

int main(void)
{
    pthread_t u, r;
    pthread_create(&u, NULL, updater, NULL);
    pthread_create(&r, NULL, reporter, NULL);
    pthread_join(u, NULL);
    pthread_join(r, NULL);
    return 0;
}
