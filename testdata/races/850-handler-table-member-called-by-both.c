/* Pattern: the twin of 849 where the timer thread also calls the reload
 * hook (a periodic re-read of the configuration) while the main thread
 * may call it on a command-line request.
 * Verdict: racy. Both threads run the unlocked reload.
 */
// class: callback-table
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
    config_path = path; // expect: CL002
    config_version++; // expect: CL002
}

static struct hooks server_hooks;

static void *timer_loop(void *arg)
{
    (void)arg;
    for (int i = 0; i < 10; i++) {
        server_hooks.on_tick();
        if (i == 5)
            server_hooks.on_reload("/etc/server.conf");
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
