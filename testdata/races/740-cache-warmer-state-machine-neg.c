/* Pattern: a cache warmer thread with a small state machine. The warmer
 * fills the table, moves the state to WARM through a locked helper and
 * then waits (same helper family) for the server to say STOP before it
 * writes its statistics. The server waits for WARM, reads the table,
 * moves the state to STOP and joins. Both threads write the state.
 * Verdict: race-free. The server's wait for WARM comes before any write
 * of the state by the server itself, so what it saw was the warmer's
 * store, made after the table was filled; the statistics are read after
 * the join.
 */
// class: condvar-handshake
// expect-none
#include <pthread.h>
#include <stdio.h>

enum warm_state { W_COLD, W_WARM, W_STOP };

struct warmer {
    pthread_mutex_t mu;
    pthread_cond_t changed;
    enum warm_state state;
    int table[128];
    int nfilled;
    long lookups;
};

static void warmer_set(struct warmer *w, enum warm_state st)
{
    pthread_mutex_lock(&w->mu);
    w->state = st;
    pthread_cond_broadcast(&w->changed);
    pthread_mutex_unlock(&w->mu);
}

static void warmer_await(struct warmer *w, enum warm_state st)
{
    pthread_mutex_lock(&w->mu);
    while (w->state != st)
        pthread_cond_wait(&w->changed, &w->mu);
    pthread_mutex_unlock(&w->mu);
}

static void *warm_main(void *arg)
{
    struct warmer *w = arg;
    for (int i = 0; i < 128; i++)
        w->table[i] = i * 7;
    w->nfilled = 128;
    warmer_set(w, W_WARM);
    warmer_await(w, W_STOP);
    w->lookups = 0;
    return NULL;
}

static struct warmer cache = { PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, W_COLD, { 0 }, 0, 0 };

int main(void)
{
    pthread_t t;
    long sum = 0;
    if (pthread_create(&t, NULL, warm_main, &cache) != 0)
        return 1;
    warmer_await(&cache, W_WARM);
    for (int i = 0; i < cache.nfilled; i++)
        sum += cache.table[i];
    warmer_set(&cache, W_STOP);
    pthread_join(t, NULL);
    printf("%ld %ld\n", sum, cache.lookups);
    return 0;
}
