/* Pattern: a global configuration struct carries a pointer to the totals
 * the workers update (`cfg.totals = &run_totals` at start-up); each
 * worker gets the configuration as its start argument and adds through
 * `c->totals->bytes`, while the progress printer on the main thread
 * reads `run_totals.bytes` directly.
 * Verdict: racy: one object, no lock on either side.
 */
// class: alias-global-pointer
#include <pthread.h>
#include <stdio.h>

struct totals {
    unsigned long bytes;
};

struct config {
    int block_size;
    struct totals *totals;
};

static struct totals run_totals;
static struct config cfg;

static void *copier(void *arg)
{
    const struct config *c = arg;
    for (int i = 0; i < 64; i++)
        c->totals->bytes += (unsigned long)c->block_size; // expect: CL002
    return NULL;
}

int main(void)
{
    pthread_t t;
    cfg.block_size = 4096;
    cfg.totals = &run_totals;
    if (pthread_create(&t, NULL, copier, &cfg) != 0)
        return 1;
    printf("%lu\n", run_totals.bytes);
    pthread_join(t, NULL);
    return 0;
}
