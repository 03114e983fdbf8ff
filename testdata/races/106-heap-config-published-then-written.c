/* Pattern: a daemon builds its configuration on the heap, publishes the
 * pointer in a global that the reload thread reads, then keeps editing
 * the object through its local pointer.
 * Verdict: racy. After `g_conf = conf` the object is reachable as
 * g_conf->...; the write conf->idle_timeout after the reloader starts
 * races with its unlocked read of g_conf->idle_timeout.
 */
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

// class: heap-contexts

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
        int t = g_conf->idle_timeout; // expect: CL002 {{races with write in 'main'}}
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
    conf->idle_timeout = 5;
    g_conf = conf;
    pthread_create(&tid, NULL, reloader, NULL);
    conf->idle_timeout = 60; // expect-related: CL002 {{conflicting write of 'conf->idle_timeout'}}
    pthread_mutex_lock(&conf_lock);
    int mc = conf->max_clients;
    pthread_mutex_unlock(&conf_lock);
    pthread_join(tid, NULL);
    free(conf);
    return mc > 0 ? 0 : 1;
}
