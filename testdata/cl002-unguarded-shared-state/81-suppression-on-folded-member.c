/* CL002 positive: the reload of 80, but the suppression sits on the second
 * write, which the finding only lists as a related location. A suppression
 * applies to the line a finding is reported at, so the folded finding at
 * the first write stands.
 */
#include <pthread.h>
#include <stdio.h>

static struct {
    int port;
    int timeout;
} cfg = { 8080, 30 };

static void reload_config(void)
{
    cfg.port = 8081; // expect: CL002 {{and 1 more race on 'cfg' through 'reload_config'}}
    cfg.timeout = 60; // conc-lint-ignore: CL002 -- only the timeout was reviewed
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
