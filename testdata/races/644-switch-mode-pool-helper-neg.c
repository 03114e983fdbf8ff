/* Pattern: a resolver answers queries inline or from a worker pool,
 * chosen at start-up (conf.io). The accounting helper both paths call
 * switches on it: inline mode bumps plain counters, pool mode takes the
 * stats lock. Workers exist only in pool mode.
 * Verdict: race-free. The workers are started under conf.io == IO_POOL
 * and nobody changes conf.io afterwards, so their calls take the locked
 * case; the plain counters are touched by main alone.
 */
// class: mode-global-fields
// expect-none
#include <pthread.h>
#include <stdlib.h>

enum io_model { IO_INLINE, IO_POOL };

static struct config {
    enum io_model io;
    int nworkers;
} conf;

static struct {
    pthread_mutex_t lock;
    unsigned long answered, failed;
} stats = { PTHREAD_MUTEX_INITIALIZER, 0, 0 };

static void account(int ok)
{
    switch (conf.io) {
    case IO_INLINE:
        if (ok)
            stats.answered++;
        else
            stats.failed++;
        return;
    case IO_POOL:
        pthread_mutex_lock(&stats.lock);
        if (ok)
            stats.answered++;
        else
            stats.failed++;
        pthread_mutex_unlock(&stats.lock);
        return;
    }
}

static int answer(int q)
{
    return q % 7 != 0;
}

static void *worker(void *arg)
{
    int base = *(const int *)arg;
    for (int q = base; q < base + 1000; q++)
        account(answer(q));
    return NULL;
}

int main(int argc, char **argv)
{
    conf.io = argc > 1 ? IO_POOL : IO_INLINE;
    conf.nworkers = argc > 2 ? atoi(argv[2]) : 4;
    if (conf.io == IO_INLINE) {
        for (int q = 0; q < 1000; q++)
            account(answer(q));
        return 0;
    }
    pthread_t tids[16];
    int bases[16];
    int n = conf.nworkers > 16 ? 16 : conf.nworkers;
    for (int i = 0; i < n; i++) {
        bases[i] = i * 1000;
        pthread_create(&tids[i], NULL, worker, &bases[i]);
    }
    for (int i = 0; i < n; i++)
        pthread_join(tids[i], NULL);
    return (int)(stats.answered & 1);
}
