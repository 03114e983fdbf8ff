/* Pattern: C11 <threads.h> hand-off where the loader keeps filling the
 * configuration after it has announced it.
 * Verdict: racy. `cfg.workers` is written after `loaded` was set and the
 * condition signalled: main may already be reading it.
 */
// class: condvar-handshake
#include <stdio.h>
#include <threads.h>

struct config {
    int port;
    int workers;
};

static mtx_t cfg_mtx;
static cnd_t cfg_cnd;
static int loaded;
static struct config cfg;

static int loader(void *arg)
{
    cfg.port = 8080;
    mtx_lock(&cfg_mtx);
    loaded = 1;
    cnd_signal(&cfg_cnd);
    mtx_unlock(&cfg_mtx);
    cfg.workers = 4; // expect: CL002
    return arg != NULL;
}

int main(void)
{
    thrd_t t;
    mtx_init(&cfg_mtx, mtx_plain);
    cnd_init(&cfg_cnd);
    thrd_create(&t, loader, NULL);
    mtx_lock(&cfg_mtx);
    while (!loaded)
        cnd_wait(&cfg_cnd, &cfg_mtx);
    mtx_unlock(&cfg_mtx);
    printf("%d %d\n", cfg.port, cfg.workers);
    thrd_join(t, NULL);
    return 0;
}
