/* Pattern: the twin of 862 where the main thread's status report reads
 * and resets the counter without the helpers.
 * Verdict: racy. The loaders hold the registry lock, the reset holds
 * nothing.
 */
// class: optional-lock
#include <pthread.h>
#include <stdlib.h>

static pthread_mutex_t *registry_lock;
static int registered;

static void registry_enter(void)
{
    if (registry_lock)
        pthread_mutex_lock(registry_lock);
}

static void registry_leave(void)
{
    if (registry_lock)
        pthread_mutex_unlock(registry_lock);
}

static void *plugin_loader(void *arg)
{
    (void)arg;
    registry_enter();
    registered++;
    registry_leave();
    return NULL;
}

int main(void)
{
    pthread_t t[2];
    registry_lock = malloc(sizeof *registry_lock);
    if (registry_lock == NULL)
        return 1;
    pthread_mutex_init(registry_lock, NULL);
    for (int i = 0; i < 2; i++)
        if (pthread_create(&t[i], NULL, plugin_loader, NULL) != 0)
            return 1;
    registered = 0; // expect: CL002
    for (int i = 0; i < 2; i++)
        pthread_join(t[i], NULL);
    return registered;
}
