/* CL008 negative (the three subsystems done right): every thread takes
 * the locks in the documented order sessions < stats < config, some of
 * them skipping one: no cycle.
 */
// class: three-lock-cycle
// expect-none
#include <pthread.h>

static pthread_mutex_t sess_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t stats_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t conf_lock = PTHREAD_MUTEX_INITIALIZER;
static int sessions, reaped, conf_gen;

static void *reaper(void *arg)
{
    pthread_mutex_lock(&sess_lock);
    pthread_mutex_lock(&stats_lock);
    sessions--;
    reaped++;
    pthread_mutex_unlock(&stats_lock);
    pthread_mutex_unlock(&sess_lock);
    return arg;
}

static void *flusher(void *arg)
{
    pthread_mutex_lock(&stats_lock);
    pthread_mutex_lock(&conf_lock);
    reaped += conf_gen;
    pthread_mutex_unlock(&conf_lock);
    pthread_mutex_unlock(&stats_lock);
    return arg;
}

static void *reloader(void *arg)
{
    pthread_mutex_lock(&sess_lock);
    pthread_mutex_lock(&conf_lock);
    conf_gen++;
    sessions = 0;
    pthread_mutex_unlock(&conf_lock);
    pthread_mutex_unlock(&sess_lock);
    return arg;
}

int main(void)
{
    pthread_t a, b, c;
    pthread_create(&a, NULL, reaper, NULL);
    pthread_create(&b, NULL, flusher, NULL);
    pthread_create(&c, NULL, reloader, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    pthread_join(c, NULL);
    return 0;
}
