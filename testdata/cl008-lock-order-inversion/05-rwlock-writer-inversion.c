/* CL008 positive: a config reader holds the config rwlock for reading
 * and takes the registry mutex; the registry thread holds the mutex and
 * takes the config lock for writing. A read lock still blocks a writer. */
#include <pthread.h>

static pthread_rwlock_t cfg_lock = PTHREAD_RWLOCK_INITIALIZER;
static pthread_mutex_t reg_lock = PTHREAD_MUTEX_INITIALIZER;
static int cfg_version, registered;

static void *reader(void *arg)
{
    (void)arg;
    pthread_rwlock_rdlock(&cfg_lock);
    pthread_mutex_lock(&reg_lock); // expect: CL008
    registered = cfg_version;
    pthread_mutex_unlock(&reg_lock);
    pthread_rwlock_unlock(&cfg_lock);
    return NULL;
}

static void *registrar(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&reg_lock);
    pthread_rwlock_wrlock(&cfg_lock); // expect: CL008
    cfg_version = registered + 1;
    pthread_rwlock_unlock(&cfg_lock);
    pthread_mutex_unlock(&reg_lock);
    return NULL;
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, NULL, reader, NULL);
    pthread_create(&b, NULL, registrar, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    return 0;
}
