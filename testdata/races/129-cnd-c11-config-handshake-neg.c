/* Pattern: C11 <threads.h> hand-off: the loader thread fills the
 * configuration, sets `loaded` under a mtx_t and signals a cnd_t; main
 * waits in a predicate loop and reads the configuration after unlocking.
 * Verdict: race-free. mtx_unlock in the loader happens before the lock
 * main's loop holds when it sees `loaded` set.
 */
// class: condvar-handshake
// expect-none
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
    cfg.workers = 4;
    mtx_lock(&cfg_mtx);
    loaded = 1;
    cnd_broadcast(&cfg_cnd);
    mtx_unlock(&cfg_mtx);
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
