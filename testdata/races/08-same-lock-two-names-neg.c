/* Pattern: consistent locking through an alias of the lock.
 * Verdict: race-free. One thread locks the global `reg_lock` by name, the
 * other through a pointer stored in a descriptor that points at the very
 * same mutex. Both accesses to `reg_count` hold the same lock.
 */
// expect-none
#include <pthread.h>

static pthread_mutex_t reg_lock = PTHREAD_MUTEX_INITIALIZER;
static int reg_count;

struct registry_ops {
    pthread_mutex_t *lock;
    int *count;
};

static struct registry_ops ops = { &reg_lock, &reg_count };

static void *adder(void *arg)
{
    for (int i = 0; i < 1000; i++) {
        pthread_mutex_lock(&reg_lock);
        reg_count++;
        pthread_mutex_unlock(&reg_lock);
    }
    return arg;
}

static void *remover(void *arg)
{
    const struct registry_ops *o = arg;
    for (int i = 0; i < 1000; i++) {
        pthread_mutex_lock(o->lock);
        if (*o->count > 0)
            (*o->count)--;
        pthread_mutex_unlock(o->lock);
    }
    return NULL;
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, NULL, adder, NULL);
    pthread_create(&b, NULL, remover, &ops);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    return reg_count;
}
