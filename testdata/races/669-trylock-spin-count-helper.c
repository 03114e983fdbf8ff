/* Pattern: a bounded spin on trylock whose give-up path leaves the loop
 * with `break`, then calls a helper that does the shared update; the
 * unlock is guarded by a `locked` flag, so no unlock goes wrong, but the
 * helper's write is unguarded after a give-up.
 * Verdict: racy. `gauge.samples` is written by record_sample() holding
 * gauge.lock on one path and nothing on the give-up path.
 */
// class: conditional-locking
#include <pthread.h>

struct gauge { pthread_mutex_t lock; long samples; };
static struct gauge gauge = { PTHREAD_MUTEX_INITIALIZER, 0 };

static void record_sample(long v)
{
    gauge.samples += v; // expect: CL002
}

static void sample(long v)
{
    int locked = 0;
    for (int spins = 0; spins < 100; spins++) {
        if (pthread_mutex_trylock(&gauge.lock) == 0) {
            locked = 1;
            break;
        }
    }
    record_sample(v);
    if (locked)
        pthread_mutex_unlock(&gauge.lock);
}

static void *sampler(void *arg)
{
    for (long i = 0; i < 100; i++)
        sample(i);
    return arg;
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, NULL, sampler, NULL);
    pthread_create(&b, NULL, sampler, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    return (int)(gauge.samples & 1);
}
