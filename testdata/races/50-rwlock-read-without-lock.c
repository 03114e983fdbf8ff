/* Pattern: rwlock, reader skips the lock.
 * Verdict: racy. The writer updates `version` under the write lock, the
 * poller reads it with no lock at all. The unlocked read carries the
 * expectation.
 */
#include <pthread.h>
#include <stdio.h>

static pthread_rwlock_t cfg_lock = PTHREAD_RWLOCK_INITIALIZER;
static unsigned version;

static void *writer(void *arg)
{
    for (int i = 0; i < 100; i++) {
        pthread_rwlock_wrlock(&cfg_lock);
        version++;
        pthread_rwlock_unlock(&cfg_lock);
    }
    return arg;
}

static void *poller(void *arg)
{
    unsigned seen = 0, changes = 0;
    for (int i = 0; i < 1000; i++) {
        unsigned v = version; // expect: CL002
        if (v != seen) {
            seen = v;
            changes++;
        }
    }
    printf("%u\n", changes);
    return arg;
}

int main(void)
{
    pthread_t w, p;
    pthread_create(&w, NULL, writer, NULL);
    pthread_create(&p, NULL, poller, NULL);
    pthread_join(w, NULL);
    pthread_join(p, NULL);
    return 0;
}
