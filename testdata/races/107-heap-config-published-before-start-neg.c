/* Pattern: the same daemon done right: the configuration is complete
 * before it is published and before the reload thread starts; afterwards
 * both sides only read it, and the one field the reloader writes is
 * guarded by conf_lock on both sides.
 * Verdict: race-free.
 */
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

// class: heap-contexts
// expect-none

struct server_conf {
    int port;
    int idle_timeout;
    int max_clients;
};

static struct server_conf *g_conf;
static pthread_mutex_t conf_lock = PTHREAD_MUTEX_INITIALIZER;

static void *reloader(void *arg)
{
    (void)arg;
    for (int round = 0; round < 3; round++) {
        sleep(1);
        int t = g_conf->idle_timeout;
        pthread_mutex_lock(&conf_lock);
        g_conf->max_clients = t > 10 ? 64 : 32;
        pthread_mutex_unlock(&conf_lock);
    }
    return NULL;
}

int main(void)
{
    pthread_t tid;
    struct server_conf *conf = calloc(1, sizeof *conf);
    if (conf == NULL)
        return 1;
    conf->port = 8080;
    conf->idle_timeout = 60;
    g_conf = conf;
    pthread_create(&tid, NULL, reloader, NULL);
    int port = conf->port;
    pthread_mutex_lock(&conf_lock);
    int mc = conf->max_clients;
    pthread_mutex_unlock(&conf_lock);
    pthread_join(tid, NULL);
    free(conf);
    return mc > 0 && port > 0 ? 0 : 1;
}
