/* CL002 positive, one root cause: a config reload (the tinyproxy SIGHUP
 * shape) rewrites several fields of the global configuration while the
 * connection threads read them without a lock. Every field read races with
 * the reload's write of it, but the defect is one: reload_config() updates
 * `cfg` unguarded. One finding at the reload's first write; the other
 * writes and the readers are related locations (rules.md, "one root cause,
 * one finding").
 */
#include <pthread.h>
#include <stdio.h>

struct config {
    int port;
    int timeout;
    int max_clients;
    const char *banner;
};

static struct config cfg = { 8080, 30, 64, "hello" };

static void reload_config(void)
{
    cfg.port = 8081; // expect: CL002 {{write to 'cfg.port' in 'reload_config' races with read}} {{and 3 more races on 'cfg' through 'reload_config'}}
    cfg.timeout = 60; // expect-related: CL002 {{also writes 'cfg.timeout' in 'reload_config'}}
    cfg.max_clients = 128; // expect-related: CL002 {{also writes 'cfg.max_clients'}}
    cfg.banner = "reloaded"; // expect-related: CL002 {{also writes 'cfg.banner'}}
}
// expect-flow@-5: CL002 {{main thread}} {{writes 'cfg.port'}}

static void *conn_main(void *arg)
{
    long id = (long)arg;
    if (cfg.max_clients < id) // expect-related: CL002 {{conflicting read of 'cfg.max_clients' in 'conn_main'}}
        return NULL;
    printf("%s on %d, timeout %d\n", cfg.banner, cfg.port, cfg.timeout); // expect-related: CL002 {{conflicting read of 'cfg.port'}}
    return NULL;
}

int main(void)
{
    pthread_t t[4];
    for (long i = 0; i < 4; i++)
        pthread_create(&t[i], NULL, conn_main, (void *)i);
    reload_config();
    for (int i = 0; i < 4; i++)
        pthread_join(t[i], NULL);
    return 0;
}
