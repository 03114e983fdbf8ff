/* Pattern: lbzip2's thread_entry: every thread starts in one trampoline
 * that gets the real routine as its argument (a function pointer cast to
 * void *) and calls it; the trampoline is reached through a spawn wrapper
 * too. The collector bumps a shared count without the lock the
 * splitter takes.
 * Verdict: racy. The collector's routine runs on its own thread, beside
 * the splitter's.
 */
// class: callback
#include <pthread.h>

typedef void (*routine)(void);

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static long blocks;

static void *thread_entry(void *real)
{
    routine r = (routine)real;
    r();
    return NULL;
}

static void xcreate(pthread_t *t, routine r)
{
    pthread_create(t, NULL, thread_entry, (void *)r);
}

static void splitter(void)
{
    pthread_mutex_lock(&mu);
    blocks++;
    pthread_mutex_unlock(&mu);
}

static void collector(void)
{
    blocks--; // expect: CL002
}

int main(void)
{
    pthread_t s, c;
    xcreate(&s, splitter);
    pthread_create(&c, NULL, thread_entry, (void *)collector);
    pthread_join(s, NULL);
    pthread_join(c, NULL);
    return (int)blocks;
}
