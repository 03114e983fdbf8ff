/* Pattern: a table of mutexes addressed by named constant slots.
 * Verdict: race-free. Both threads take locks[SLOT_STATS] around `stats`
 * and locks[SLOT_CFG] around `cfg_gen`: each variable has one mutex,
 * spelled with the same constant index everywhere.
 */
// class: lock-arrays
// expect-none
#include <pthread.h>
#include <stdio.h>

enum { SLOT_STATS, SLOT_CFG, NSLOTS };
static pthread_mutex_t locks[NSLOTS] = { PTHREAD_MUTEX_INITIALIZER, PTHREAD_MUTEX_INITIALIZER };
static long stats;
static int cfg_gen;

static void *collector(void *arg)
{
    for (int i = 0; i < 100; i++) {
        pthread_mutex_lock(&locks[SLOT_STATS]);
        stats += i;
        pthread_mutex_unlock(&locks[SLOT_STATS]);
        pthread_mutex_lock(&locks[SLOT_CFG]);
        int g = cfg_gen;
        pthread_mutex_unlock(&locks[SLOT_CFG]);
        (void)g;
    }
    return arg;
}

static void *admin(void *arg)
{
    for (int i = 0; i < 10; i++) {
        pthread_mutex_lock(&locks[1]);
        cfg_gen++;
        pthread_mutex_unlock(&locks[1]);
        pthread_mutex_lock(&locks[0]);
        stats = 0;
        pthread_mutex_unlock(&locks[0]);
    }
    return arg;
}

int main(void)
{
    pthread_t c, a;
    pthread_create(&c, NULL, collector, NULL);
    pthread_create(&a, NULL, admin, NULL);
    pthread_join(c, NULL);
    pthread_join(a, NULL);
    printf("%ld %d\n", stats, cfg_gen);
    return 0;
}
