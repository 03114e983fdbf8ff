/* CL008 positive: main reloads the config holding cfg_lock and takes
 * conn_lock to reset connections, while the network thread it started
 * (and joins only at the end) holds conn_lock and reads the config. */
#include <pthread.h>

static pthread_mutex_t cfg_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t conn_lock = PTHREAD_MUTEX_INITIALIZER;
static int port = 80, nconns;

static void *net_thread(void *arg)
{
    (void)arg;
    for (int i = 0; i < 100; i++) {
        pthread_mutex_lock(&conn_lock);
        pthread_mutex_lock(&cfg_lock); // expect: CL008
        nconns += port > 0;
        pthread_mutex_unlock(&cfg_lock);
        pthread_mutex_unlock(&conn_lock);
    }
    return NULL;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, net_thread, NULL);
    pthread_mutex_lock(&cfg_lock);
    port = 8080;
    pthread_mutex_lock(&conn_lock); // expect: CL008
    nconns = 0;
    pthread_mutex_unlock(&conn_lock);
    pthread_mutex_unlock(&cfg_lock);
    pthread_join(t, NULL);
    return 0;
}
