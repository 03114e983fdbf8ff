/* Pattern: one module hands out its mutex through a getter
 * (`registry_lock()` returns &reg_lock); the worker locks what the getter
 * returns, main locks the mutex by name.
 * Verdict: race-free. Both sides hold reg_lock around `registered`.
 */
#include <pthread.h>
#include <stdio.h>

// class: lock-pointers
// expect-none

static pthread_mutex_t reg_lock = PTHREAD_MUTEX_INITIALIZER;
static int registered;

static pthread_mutex_t *registry_lock(void)
{
    return &reg_lock;
}

static void *enroll(void *arg)
{
    pthread_mutex_t *m = registry_lock();
    pthread_mutex_lock(m);
    registered++;
    pthread_mutex_unlock(m);
    return arg;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, enroll, NULL);
    pthread_mutex_lock(&reg_lock);
    registered += 2;
    pthread_mutex_unlock(&reg_lock);
    pthread_join(t, NULL);
    printf("%d\n", registered);
    return 0;
}
