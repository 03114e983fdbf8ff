/* CL001 negative: two one-shot starts in a request loop, each with its
 * flag set after the start rather than before: a connection pool created
 * on first use (`if (pool == NULL) pool = pool_start();`, the pool's
 * thread started inside, as knot's conn_pool), and a stats thread behind
 * `if (!stats_started) { start; stats_started = 1; }`. Each starts once.
 */
// expect-none
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
        pthread_create(&p->reaper, NULL, reaper_main, p);
    return p;
}

int main(void)
{
    char req[64];
    while (read(0, req, sizeof req) > 0) {
        if (global_pool == NULL)
            global_pool = pool_start();
        if (!stats_started) {
            pthread_create(&stats_tid, NULL, stats_main, NULL);
            stats_started = 1;
        }
    }
    return 0;
}
