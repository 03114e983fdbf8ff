/* Pattern: a module hands out a mutex through a getter, but the getter
 * returns the log module's mutex (`return &log_lock;`), while main guards
 * the counter with the registry mutex by name.
 * Verdict: racy: the worker holds log_lock, main holds reg_lock; no
 * common lock protects `registered`.
 */
#include <pthread.h>
#include <stdio.h>

// class: lock-pointers

static pthread_mutex_t reg_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t log_lock = PTHREAD_MUTEX_INITIALIZER;
static int registered;

static pthread_mutex_t *registry_lock(void)
{
    return &log_lock;
}

static void *enroll(void *arg)
{
    pthread_mutex_t *m = registry_lock();
    pthread_mutex_lock(m);
    registered++; // expect: CL002 {{held here: 'log_lock'}}
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
