/* CL009 positive: a start handshake that waits once with no test at all;
 * if the starter signals before the waiter waits, or the wait returns
 * spuriously, the waiter goes on before the config is loaded. */
#include <pthread.h>

static pthread_mutex_t cfg_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cfg_loaded = PTHREAD_COND_INITIALIZER;
static int cfg_port;

static void *listener(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&cfg_lock);
    pthread_cond_wait(&cfg_loaded, &cfg_lock); // expect: CL009
    int port = cfg_port;
    pthread_mutex_unlock(&cfg_lock);
    return (void *)(long)port;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, listener, NULL);
    pthread_mutex_lock(&cfg_lock);
    cfg_port = 8080;
    pthread_cond_signal(&cfg_loaded);
    pthread_mutex_unlock(&cfg_lock);
    pthread_join(t, NULL);
    return 0;
}
