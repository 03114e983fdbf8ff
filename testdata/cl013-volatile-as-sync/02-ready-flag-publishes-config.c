/* CL013 positive: a loader thread fills the configuration and then sets a
 * volatile ready flag; the main thread spins on the flag and then reads
 * the configuration. volatile orders nothing: the flag's store and read
 * race (CL013, at the declaration), and the configuration the flag was
 * meant to publish races too (CL002 reports that data race on its own
 * lines: making the flag _Atomic, release store and acquire load, fixes
 * both).
 */
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>

struct config {
    int port;
    int workers;
    char root[64];
};

static struct config g_cfg;
static volatile int g_cfg_ready; // expect: CL013 {{stored in 'config_loader' (line 29) and read in 'wait_for_config'}}

static void *config_loader(void *arg)
{
    (void)arg;
    g_cfg.port = 8080; // expect: CL002 {{write to 'g_cfg.port' in 'config_loader' races with read in 'main'}}
    g_cfg.workers = 4;
    strcpy(g_cfg.root, "/srv/www");
    g_cfg_ready = 1; // expect-related: CL013
    return NULL;
}

static void wait_for_config(void)
{
    while (!g_cfg_ready) // expect-related: CL013 {{read of 'g_cfg_ready' in 'wait_for_config'}}
        sched_yield();
}

int main(void)
{
    pthread_t loader;
    if (pthread_create(&loader, NULL, config_loader, NULL) != 0)
        return 1;
    pthread_detach(loader);
    wait_for_config();
    printf("port %d workers %d root %s\n", g_cfg.port, g_cfg.workers, g_cfg.root);
    return 0;
}
