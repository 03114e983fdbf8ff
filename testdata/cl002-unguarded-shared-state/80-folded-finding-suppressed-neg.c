/* CL002 negative by suppression: the reload of 72, with an inline
 * suppression on the line the folded finding is reported at (the first
 * write). The one finding that stands for all of reload_config()'s races
 * is suppressed, so nothing is left (docs/suppressions.md).
 */
// expect-none
#include <pthread.h>
#include <stdio.h>

static struct {
    int port;
    int timeout;
} cfg = { 8080, 30 };

static void reload_config(void)
{
    cfg.port = 8081; // conc-lint-ignore: CL002 -- reload happens before clients connect in production
    cfg.timeout = 60;
}

static void *conn_main(void *arg)
{
    printf("%d %d\n", cfg.port, cfg.timeout);
    return arg;
}

int main(void)
{
    pthread_t t[2];
    for (int i = 0; i < 2; i++)
        pthread_create(&t[i], NULL, conn_main, NULL);
    reload_config();
    for (int i = 0; i < 2; i++)
        pthread_join(t[i], NULL);
    return 0;
}
