/* Pattern: lock-protected counter with an unlocked fast path.
 * Verdict: racy. The slow path updates `total` under total_lock, but the
 * early-out branch for small values adds to it without the lock. Workers
 * are started in a loop, so the unlocked `+=` races with the locked one
 * and with itself.
 */
#include <pthread.h>
#include <stdio.h>

#define NT 4
static unsigned long total;
static pthread_mutex_t total_lock = PTHREAD_MUTEX_INITIALIZER;

static void add_sample(unsigned v)
{
    if (v < 8) {
        total += v; // expect: CL002
        return;
    }
    pthread_mutex_lock(&total_lock);
    total += v;
    pthread_mutex_unlock(&total_lock);
}

static void *worker(void *arg)
{
    unsigned seed = (unsigned)(size_t)arg;
    for (int i = 0; i < 1000; i++)
        add_sample((seed + (unsigned)i) % 32);
    return NULL;
}

int main(void)
{
    pthread_t t[NT];
    for (int i = 0; i < NT; i++)
        pthread_create(&t[i], NULL, worker, (void *)(size_t)i);
    for (int i = 0; i < NT; i++)
        pthread_join(t[i], NULL);
    printf("%lu\n", total);
    return 0;
}
