/* CL003 positive, the poll in the spawned thread: each worker waits for
 * main to publish the configuration by sleeping and re-reading
 * `cfg_published` (under cfg_lock) in a do/while loop, instead of waiting
 * on a condition variable or a barrier.
 */
#include <pthread.h>
#include <unistd.h>

#define NWORKERS 4

static pthread_mutex_t cfg_lock = PTHREAD_MUTEX_INITIALIZER;
static int cfg_published;                /* guarded by cfg_lock */
static int cfg_threads;                  /* guarded by cfg_lock */

void serve(int threads);                 /* serve.c */
int load_config(const char *path);       /* config.c */

static void *worker_main(void *arg)
{
    int have, threads = 0;
    (void)arg;
    do {
        usleep(500); // expect: CL003
        pthread_mutex_lock(&cfg_lock);
        have = cfg_published;
        threads = cfg_threads;
        pthread_mutex_unlock(&cfg_lock);
    } while (!have);
    serve(threads);
    return NULL;
}

int main(void)
{
    pthread_t tids[NWORKERS];
    for (int i = 0; i < NWORKERS; i++)
        pthread_create(&tids[i], NULL, worker_main, NULL);
    int n = load_config("server.conf");
    pthread_mutex_lock(&cfg_lock);
    cfg_threads = n;
    cfg_published = 1;
    pthread_mutex_unlock(&cfg_lock);
    for (int i = 0; i < NWORKERS; i++)
        pthread_join(tids[i], NULL);
    return 0;
}
