/* Pattern: a thread created while its creator holds a lock and joined
 * before the creator releases it: the whole thread runs inside the
 * creator's critical section.
 * Verdict: race-free. The compactor writes `index_gen` without taking
 * index_lock itself, but the updater that created it holds index_lock from
 * before the spawn until after the join; the reporter reads `index_gen`
 * under index_lock.
 */
// class: spawn-under-lock
// expect-none
#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t index_lock = PTHREAD_MUTEX_INITIALIZER;
static long index_gen;

static void *compactor(void *arg)
{
    index_gen++;
    return arg;
}

static void *updater(void *arg)
{
    pthread_t c;
    pthread_mutex_lock(&index_lock);
    pthread_create(&c, NULL, compactor, NULL);
    pthread_join(c, NULL);
    pthread_mutex_unlock(&index_lock);
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
