/* CL001 positive: the twin of 75 where the pool made on first use is kept
 * in a local of the round, never in the global the test reads, and the
 * stats flag is cleared (not set) after the start: both tests admit every
 * request, and each request starts one more thread of each.
 */
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

struct pool {
    pthread_t reaper;
    int nconns;
};

static struct pool *global_pool;
static int stats_started;
static pthread_t stats_tid;

static void *reaper_main(void *arg)
{
    (void)arg;
    for (;;)
        pause();
    return NULL;
}

static void *stats_main(void *arg)
{
    (void)arg;
    for (;;)
        pause();
    return NULL;
}

static struct pool *pool_start(void)
{
    struct pool *p = calloc(1, sizeof *p);
    if (p != NULL)
        pthread_create(&p->reaper, NULL, reaper_main, p); // expect: CL001
    return p;
}

int main(void)
{
    char req[64];
    while (read(0, req, sizeof req) > 0) {
        if (global_pool == NULL) {
            struct pool *p = pool_start();
            if (p != NULL)
                p->nconns = 1;
        }
        if (!stats_started) {
            pthread_create(&stats_tid, NULL, stats_main, NULL); // expect: CL001
            stats_started = 0;
        }
    }
    return 0;
}
