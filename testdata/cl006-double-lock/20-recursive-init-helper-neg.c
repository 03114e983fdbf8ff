/* CL006 negative: a plugin registry initializes its mutex as recursive in
 * an init helper (pthread_mutexattr_settype with PTHREAD_MUTEX_RECURSIVE),
 * because registering a plugin may load another one under the same lock.
 */
// expect-none
#define _GNU_SOURCE
#include <pthread.h>

struct registry { pthread_mutex_t lock; int nplugins; };
static struct registry reg;

static int registry_init(struct registry *r)
{
    pthread_mutexattr_t attr;
    pthread_mutexattr_init(&attr);
    pthread_mutexattr_settype(&attr, PTHREAD_MUTEX_RECURSIVE);
    int rc = pthread_mutex_init(&r->lock, &attr);
    pthread_mutexattr_destroy(&attr);
    return rc;
}

static void plugin_load(struct registry *r, int depth)
{
    pthread_mutex_lock(&r->lock);
    r->nplugins++;
    if (depth > 0)
        plugin_load(r, depth - 1);
    pthread_mutex_unlock(&r->lock);
}

static void *loader(void *arg)
{
    plugin_load(&reg, 2);
    return arg;
}

int main(void)
{
    pthread_t t;
    registry_init(&reg);
    pthread_create(&t, NULL, loader, NULL);
    pthread_join(t, NULL);
    return 0;
}
