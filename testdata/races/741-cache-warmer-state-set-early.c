/* Pattern: the cache warmer of 740 with the state moved to WARM before
 * the table is filled (a refactoring that put the notification first).
 * Verdict: racy. The server's wait can see WARM while the warmer is
 * still writing the table: the server's reads race with those writes.
 */
// class: condvar-handshake
#include <pthread.h>
#include <stdio.h>

enum warm_state { W_COLD, W_WARM, W_STOP };

struct warmer {
    pthread_mutex_t mu;
    pthread_cond_t changed;
    enum warm_state state;
    int table[128];
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
    warmer_set(w, W_WARM);
    for (int i = 0; i < 128; i++)
        w->table[i] = i * 7; // expect: CL002
    warmer_await(w, W_STOP);
    return NULL;
}

static struct warmer cache = { PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, W_COLD, { 0 } };

int main(void)
{
    pthread_t t;
    long sum = 0;
    if (pthread_create(&t, NULL, warm_main, &cache) != 0)
        return 1;
    warmer_await(&cache, W_WARM);
    for (int i = 0; i < 128; i++)
        sum += cache.table[i];
    warmer_set(&cache, W_STOP);
    pthread_join(t, NULL);
    printf("%ld\n", sum);
    return 0;
}
