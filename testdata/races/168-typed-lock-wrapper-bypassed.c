/* Pattern: typed lock wrapper (mutex or spinlock by type), one thread
 * writes the guarded field without it.
 * Verdict: racy. The collectors go through tl_lock()/tl_unlock(); the
 * resetter clears `samples` directly.
 */
// class: recursive-and-typed-locks
#include <pthread.h>
#include <stdio.h>

struct typed_lock {
    int spin;
    pthread_mutex_t mu;
    pthread_spinlock_t sl;
};
static struct typed_lock stats_lock;
static long samples;

static void tl_lock(struct typed_lock *l)
{
    if (l->spin)
        pthread_spin_lock(&l->sl);
    else
        pthread_mutex_lock(&l->mu);
}

static void tl_unlock(struct typed_lock *l)
{
    if (l->spin)
        pthread_spin_unlock(&l->sl);
    else
        pthread_mutex_unlock(&l->mu);
}

static void *collector(void *arg)
{
    for (int i = 0; i < 1000; i++) {
        tl_lock(&stats_lock);
        samples++;
        tl_unlock(&stats_lock);
    }
    return arg;
}

static void *resetter(void *arg)
{
    for (int i = 0; i < 10; i++)
        samples = 0; // expect: CL002
    return arg;
}

int main(void)
{
    pthread_mutex_init(&stats_lock.mu, NULL);
    pthread_spin_init(&stats_lock.sl, PTHREAD_PROCESS_PRIVATE);
    pthread_t c, r;
    pthread_create(&c, NULL, collector, NULL);
    pthread_create(&r, NULL, resetter, NULL);
    pthread_join(c, NULL);
    pthread_join(r, NULL);
    printf("%ld\n", samples);
    return 0;
}
