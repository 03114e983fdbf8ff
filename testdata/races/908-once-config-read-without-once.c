/* Pattern: the server's configuration is loaded lazily: get_config()
 * runs load_config once (pthread_once) and every request thread reads
 * the configuration through it. The statistics thread reads the
 * connection limit straight from the global, without get_config().
 * Verdict: racy, on `config.max_conns`: the statistics thread may read
 * it while the first request thread's load_config writes it. What
 * pthread_once orders is only the callers' reads after their own call.
 */
// class: start-gate
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

struct config {
    int max_conns;
    int timeout_ms;
};

static struct config config;
static pthread_once_t config_once = PTHREAD_ONCE_INIT;

static void load_config(void)
{
    config.max_conns = 512; // expect: CL002 {{'config.max_conns'}}
    config.timeout_ms = 3000;
}

static const struct config *get_config(void)
{
    pthread_once(&config_once, load_config);
    return &config;
}

static void *request_thread(void *arg)
{
    const struct config *c = get_config();
    return c->max_conns > 0 && c->timeout_ms > 0 ? arg : NULL;
}

static void *stats_thread(void *arg)
{
    (void)arg;
    for (int i = 0; i < 10; i++) {
        printf("limit %d\n", config.max_conns); // expect-related: CL002 {{conflicting}}
        sleep(1);
    }
    return NULL;
}

int main(void)
{
    pthread_t r[4], s;
    pthread_create(&s, NULL, stats_thread, NULL);
    for (int i = 0; i < 4; i++)
        pthread_create(&r[i], NULL, request_thread, NULL);
    for (int i = 0; i < 4; i++)
        pthread_join(r[i], NULL);
    pthread_join(s, NULL);
    return 0;
}
