/* Pattern: the twin of 908: the statistics thread also reads the limit
 * through get_config(), so after its own pthread_once call.
 * Verdict: race-free. load_config runs once, and every pthread_once call
 * on `config_once` returns after it has: each thread's read follows the
 * writes.
 */
// class: start-gate
// expect-none
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
    config.max_conns = 512;
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
        printf("limit %d\n", get_config()->max_conns);
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
