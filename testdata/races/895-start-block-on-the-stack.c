/* Pattern: a spawn helper keeps its start block on its own stack: it
 * fills in the routine and its argument, starts a trampoline on the
 * block's address and waits until the trampoline has copied both out
 * (a handshake under the helper's lock) before it returns. The routine
 * the trampoline then runs bumps a statistic that main also bumps.
 * Verdict: racy. The reporter's `stats.samples++` and main's run at
 * once without a common lock.
 */
// class: callback
#include <pthread.h>

struct start_block {
    void *(*routine)(void *);
    void *arg;
    int copied;
    pthread_mutex_t lock;
    pthread_cond_t cond;
};

struct stats {
    long samples;
};

static struct stats stats;

static void *trampoline(void *p)
{
    struct start_block *sb = p;
    pthread_mutex_lock(&sb->lock);
    void *(*routine)(void *) = sb->routine;
    void *arg = sb->arg;
    sb->copied = 1;
    pthread_cond_signal(&sb->cond);
    pthread_mutex_unlock(&sb->lock);
    return routine(arg);
}

static int spawn(pthread_t *h, void *(*routine)(void *), void *arg)
{
    struct start_block sb;
    pthread_mutex_init(&sb.lock, NULL);
    pthread_cond_init(&sb.cond, NULL);
    sb.routine = routine;
    sb.arg = arg;
    sb.copied = 0;
    pthread_mutex_lock(&sb.lock);
    if (pthread_create(h, NULL, trampoline, &sb) != 0) {
        pthread_mutex_unlock(&sb.lock);
        return -1;
    }
    while (!sb.copied)
        pthread_cond_wait(&sb.cond, &sb.lock);
    pthread_mutex_unlock(&sb.lock);
    return 0;
}

static void *reporter(void *arg)
{
    struct stats *s = arg;
    s->samples++; // expect: CL002
    // expect-flow@-1: CL002 {{thread 'reporter'}}
    return NULL;
}

int main(void)
{
    pthread_t h;
    if (spawn(&h, reporter, &stats) != 0)
        return 1;
    stats.samples++; // expect-related: CL002
    pthread_join(h, NULL);
    return (int)stats.samples;
}
