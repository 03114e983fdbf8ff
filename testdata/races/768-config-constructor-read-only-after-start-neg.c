/* Pattern: a daemon parses its configuration into an object made by
 * config_new(), fills it completely, and only then starts the listener
 * threads, which read it; nobody writes it after the spawns, and it is
 * freed after the joins.
 * Verdict: race-free. Every write precedes the thread creations; the
 * threads only read.
 */
// expect-none
// class: heap-ownership
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct config {
    int port;
    int backlog;
    char bind_addr[64];
};

static struct config *config_new(void)
{
    struct config *cfg = malloc(sizeof *cfg);
    if (cfg == NULL)
        return NULL;
    memset(cfg, 0, sizeof *cfg);
    cfg->port = 8080;
    cfg->backlog = 16;
    return cfg;
}

static void *listener(void *arg)
{
    const struct config *cfg = arg;
    printf("listen %s:%d (%d)\n", cfg->bind_addr, cfg->port, cfg->backlog);
    return NULL;
}

int main(int argc, char **argv)
{
    struct config *cfg = config_new();
    pthread_t t[2];
    if (cfg == NULL)
        return 1;
    if (argc > 1)
        cfg->port = atoi(argv[1]);
    snprintf(cfg->bind_addr, sizeof cfg->bind_addr, "0.0.0.0");
    for (int i = 0; i < 2; i++)
        pthread_create(&t[i], NULL, listener, cfg);
    for (int i = 0; i < 2; i++)
        pthread_join(t[i], NULL);
    free(cfg);
    return 0;
}
