/* CL006 positive: a config store updates under the write lock and then
 * calls config_get(), which takes the read lock of the same rwlock: a
 * thread holding the write lock deadlocks (EDEADLK) on its read lock.
 */
#include <pthread.h>
#include <string.h>

static pthread_rwlock_t cfg_lock = PTHREAD_RWLOCK_INITIALIZER;
static char cfg_name[64];
static int cfg_port;

static int config_get_port(void)
{
    pthread_rwlock_rdlock(&cfg_lock);
    int p = cfg_port;
    pthread_rwlock_unlock(&cfg_lock);
    return p;
}

static void config_set(const char *name, int port)
{
    pthread_rwlock_wrlock(&cfg_lock);
    strncpy(cfg_name, name, sizeof cfg_name - 1);
    cfg_port = port;
    if (config_get_port() == 0) // expect: CL006 {{'cfg_lock'}}
        cfg_port = 80;
    pthread_rwlock_unlock(&cfg_lock);
}

static void *reloader(void *arg)
{
    config_set(arg, 8080);
    return NULL;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, reloader, "web");
    pthread_join(t, NULL);
    return config_get_port() == 8080 ? 0 : 1;
}
