/* CL002 positive: an object reached through a global pointer. `live_cfg`
 * is set before any thread starts (ordered), but the object it points to is
 * updated by the reload thread under cfg_lock while request workers read
 * `live_cfg->timeout_ms` with no lock. One unlocked access.
 */
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

#define NWORKERS 4

struct config {
    unsigned timeout_ms;                 /* guarded by cfg_lock */
    unsigned max_body;                   /* guarded by cfg_lock */
};

static pthread_mutex_t cfg_lock = PTHREAD_MUTEX_INITIALIZER;
static struct config *live_cfg;

unsigned handle_one_request(unsigned timeout_ms, unsigned max_body);   /* http.c */

static void *reload_main(void *arg)
{
    const int *sig_fd = arg;
    char c;
    while (read(*sig_fd, &c, 1) == 1) {
        pthread_mutex_lock(&cfg_lock);
        live_cfg->timeout_ms = c == 'f' ? 1000 : 30000;
        live_cfg->max_body = c == 'f' ? 4096 : 1u << 20;
        pthread_mutex_unlock(&cfg_lock);
    }
    return NULL;
}

static void *worker_main(void *arg)
{
    (void)arg;
    for (;;) {
        unsigned timeout = live_cfg->timeout_ms; // expect: CL002
        pthread_mutex_lock(&cfg_lock);
        unsigned max_body = live_cfg->max_body;
        pthread_mutex_unlock(&cfg_lock);
        if (handle_one_request(timeout, max_body) != 0)
            break;
    }
    return NULL;
}

int main(void)
{
    int sig_fd = 0;
    pthread_t reloader, workers[NWORKERS];
    live_cfg = calloc(1, sizeof *live_cfg);
    if (live_cfg == NULL)
        return 1;
    live_cfg->timeout_ms = 30000;
    live_cfg->max_body = 1u << 20;
    pthread_create(&reloader, NULL, reload_main, &sig_fd);
    for (int i = 0; i < NWORKERS; i++)
        pthread_create(&workers[i], NULL, worker_main, NULL);
    for (int i = 0; i < NWORKERS; i++)
        pthread_join(workers[i], NULL);
    pthread_join(reloader, NULL);
    free(live_cfg);
    return 0;
}
