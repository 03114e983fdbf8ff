/* Pattern: 862's optional lock with the test spelled against NULL in one
 * helper (`if (registry_lock != NULL)`) and as an early return in the
 * other (`if (registry_lock == NULL) return;`).
 * Verdict: race-free, as 862: the lock exists exactly while the pointer is
 * set, and then every thread takes it.
 */
// class: optional-lock
// expect-none
#include <pthread.h>
#include <stdlib.h>

static pthread_mutex_t *registry_lock;
static int registered;

static void registry_enter(void)
{
    if (registry_lock != NULL)
        pthread_mutex_lock(registry_lock);
}

static void registry_leave(void)
{
    if (registry_lock == NULL)
        return;
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
    for (int i = 0; i < 2; i++)
        pthread_join(t[i], NULL);
    return registered;
}
