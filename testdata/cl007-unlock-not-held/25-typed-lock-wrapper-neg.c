/* CL007 negative (from races/166): Pattern: lock wrapper that picks the primitive by the lock's type
 * (a reader-writer lock or a mutex), unlock wrapper likewise.
 * Verdict: race-free. The registry's lock is configured as LK_RW before
 * the threads start; every access to `reg_entries` is between
 * lk_acquire() and lk_release() on that one lock object.
 */
// class: recursive-and-typed-locks
// expect-none
#include <pthread.h>
#include <stdio.h>

enum lk_type { LK_MUTEX, LK_RW };
struct lk {
    enum lk_type type;
    pthread_mutex_t mu;
    pthread_rwlock_t rw;
};
static struct lk reg_lock;
static int reg_entries;

static void lk_acquire(struct lk *l)
{
    if (l->type == LK_RW)
        pthread_rwlock_wrlock(&l->rw);
    else
        pthread_mutex_lock(&l->mu);
}

static void lk_release(struct lk *l)
{
    if (l->type == LK_RW)
        pthread_rwlock_unlock(&l->rw);
    else
        pthread_mutex_unlock(&l->mu);
}

static void *registrar(void *arg)
{
    for (int i = 0; i < 500; i++) {
        lk_acquire(&reg_lock);
        reg_entries++;
        lk_release(&reg_lock);
    }
    return arg;
}

int main(void)
{
    reg_lock.type = LK_RW;
    pthread_mutex_init(&reg_lock.mu, NULL);
    pthread_rwlock_init(&reg_lock.rw, NULL);
    pthread_t t[3];
    for (int i = 0; i < 3; i++)
        pthread_create(&t[i], NULL, registrar, NULL);
    for (int i = 0; i < 3; i++)
        pthread_join(t[i], NULL);
    printf("%d\n", reg_entries);
    return 0;
}
