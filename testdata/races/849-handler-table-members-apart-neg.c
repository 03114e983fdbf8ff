/* Pattern: a server's hooks in one struct of named members. The timer
 * thread calls only the `on_tick` hook, which counts under the stats
 * lock; the main thread alone calls the `on_reload` hook, which rewrites
 * the configuration without a lock.
 * Verdict: race-free. A call through `hooks.on_tick` reaches the
 * function stored in that member, not every function stored in the
 * struct, so the reload's writes stay on the main thread.
 */
// class: callback-table
// expect-none
#include <pthread.h>
#include <unistd.h>

struct hooks {
    void (*on_tick)(void);
    void (*on_reload)(const char *);
};

static pthread_mutex_t stats_mu = PTHREAD_MUTEX_INITIALIZER;
static long ticks;
static const char *config_path;
static int config_version;

static void count_tick(void)
{
    pthread_mutex_lock(&stats_mu);
    ticks++;
    pthread_mutex_unlock(&stats_mu);
}

static void reload_config(const char *path)
{
    config_path = path;
    config_version++;
}

static struct hooks server_hooks;

static void *timer_loop(void *arg)
{
    (void)arg;
    for (int i = 0; i < 10; i++) {
        server_hooks.on_tick();
        usleep(1000);
    }
    return NULL;
}

int main(int argc, char **argv)
{
    pthread_t t;
    server_hooks.on_tick = count_tick;
    server_hooks.on_reload = reload_config;
    if (pthread_create(&t, NULL, timer_loop, NULL) != 0)
        return 1;
    if (argc > 1)
        server_hooks.on_reload(argv[1]);
    pthread_join(t, NULL);
    return config_version;
}
