/* CL008 positive (a server with three subsystems): the session reaper
 * takes a session then the stats lock, the stats flusher takes stats then
 * the config lock, and the config reloader takes config then a session:
 * no two threads invert a pair, but the three orders form a cycle.
 */
// class: three-lock-cycle
#include <pthread.h>

static pthread_mutex_t sess_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t stats_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t conf_lock = PTHREAD_MUTEX_INITIALIZER;
static int sessions, reaped, flushes, conf_gen;

static void *reaper(void *arg)
{
    pthread_mutex_lock(&sess_lock);
    sessions--;
    pthread_mutex_lock(&stats_lock); // expect: CL008 {{form a cycle}}
    reaped++;
    pthread_mutex_unlock(&stats_lock);
    pthread_mutex_unlock(&sess_lock);
    return arg;
}

static void stats_flush(void)
{
    pthread_mutex_lock(&stats_lock);
    flushes++;
    pthread_mutex_lock(&conf_lock); // expect: CL008 {{form a cycle}}
    flushes += conf_gen;
    pthread_mutex_unlock(&conf_lock);
    pthread_mutex_unlock(&stats_lock);
}

static void *flusher(void *arg)
{
    stats_flush();
    return arg;
}

static void *reloader(void *arg)
{
    pthread_mutex_lock(&conf_lock);
    conf_gen++;
    pthread_mutex_lock(&sess_lock); // expect: CL008 {{form a cycle}}
    sessions = 0;
    pthread_mutex_unlock(&sess_lock);
    pthread_mutex_unlock(&conf_lock);
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
