/* Pattern: a library-style lock switch in a config struct, filled by an
 * init function from the environment (`MYLIB_THREADS`); the lock
 * wrappers lock only when the switch is on, and the program starts its
 * workers whatever the environment says.
 * Verdict: racy. Run without MYLIB_THREADS set, both workers update
 * `registry.count` with no lock.
 */
// class: conditional-locking
#include <pthread.h>
#include <stdlib.h>

struct config { int threaded; int verbose; };
static struct config cfg;
static pthread_mutex_t registry_lock = PTHREAD_MUTEX_INITIALIZER;
static struct { long count; } registry;

static void config_init(void)
{
    cfg.threaded = getenv("MYLIB_THREADS") != NULL;
    cfg.verbose = getenv("MYLIB_VERBOSE") != NULL;
}

static void registry_lock_take(void)
{
    if (cfg.threaded)
        pthread_mutex_lock(&registry_lock);
}

static void registry_lock_drop(void)
{
    if (cfg.threaded)
        pthread_mutex_unlock(&registry_lock);
}

static long registry_add(void)
{
    registry_lock_take();
    long id = ++registry.count; // expect: CL002
    registry_lock_drop();
    return id;
}

static void *worker(void *arg)
{
    for (int i = 0; i < 100; i++)
        registry_add();
    return arg;
}

int main(void)
{
    pthread_t a, b;
    config_init();
    pthread_create(&a, NULL, worker, NULL);
    pthread_create(&b, NULL, worker, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    return (int)(registry.count & 1);
}
