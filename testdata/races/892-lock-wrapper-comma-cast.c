/* Pattern: a lock wrapper that takes a const pointer and casts the const
 * away with a comma expression, as Open vSwitch's CONST_CAST does
 * (`(BUILD_ASSERT_TYPE(p, T), (T)(p))`): the value of `(a, b)` is `b`.
 * Verdict: race-free: both threads take the same mutex through the
 * wrapper. Known false positive: the frontend gives a comma expression no
 * value, so the wrapper's lock is unknown (Open vSwitch's 16 false races).
 * Taking the right operand's value fixes this file, but on Open vSwitch it
 * made a dozen main-thread walks hit the step budget and brought a false
 * CL005 on ovsthread_once_start__ (a lock handed to ovsthread_once_done):
 * not landed.
 */
// class: lock-wrapper
#include <pthread.h>

#define UNCONST(TYPE, P) ((void)sizeof(P), (TYPE)(P))

struct guarded_lock {
    pthread_mutex_t mutex;
    const char *owner;
};

static struct guarded_lock log_lock = { PTHREAD_MUTEX_INITIALIZER, "none" };
static long lines_written;

static void lock_acquire(const struct guarded_lock *l_, const char *who)
{
    struct guarded_lock *l = UNCONST(struct guarded_lock *, l_);
    pthread_mutex_lock(&l->mutex);
    l->owner = who;
}

static void lock_release(const struct guarded_lock *l_)
{
    struct guarded_lock *l = UNCONST(struct guarded_lock *, l_);
    pthread_mutex_unlock(&l->mutex);
}

static void *log_writer(void *arg)
{
    (void)arg;
    lock_acquire(&log_lock, "writer");
    lines_written++; // fp-todo: CL002 -- the comma cast hides the wrapper's lock
    lock_release(&log_lock);
    return NULL;
}

int main(void)
{
    pthread_t t;
    if (pthread_create(&t, NULL, log_writer, NULL) != 0)
        return 1;
    lock_acquire(&log_lock, "main");
    lines_written++;
    lock_release(&log_lock);
    pthread_join(t, NULL);
    return (int)lines_written;
}
