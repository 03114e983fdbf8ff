/* Pattern: double-checked locking with a plain `initialized` flag.
 * Verdict: racy. The fast path tests `initialized` without init_lock while
 * the slow path sets it under init_lock. A thread that sees the flag set
 * then reads `primes` without the lock: with a plain flag nothing orders
 * that read after the other thread's fill, so it is a second race. Both
 * unlocked accesses carry an expectation.
 */
#include <pthread.h>
#include <stdbool.h>

#define NT 4

static bool initialized;
static int primes[8];
static pthread_mutex_t init_lock = PTHREAD_MUTEX_INITIALIZER;

static void ensure_init(void)
{
    if (initialized) // expect: CL002
        return;
    pthread_mutex_lock(&init_lock);
    if (!initialized) {
        static const int p[8] = { 2, 3, 5, 7, 11, 13, 17, 19 };
        for (int i = 0; i < 8; i++)
            primes[i] = p[i];
        initialized = true;
    }
    pthread_mutex_unlock(&init_lock);
}

static void *worker(void *arg)
{
    ensure_init();
    return primes[(unsigned long)arg % 8] > 1 ? arg : NULL; // expect: CL002
}

int main(void)
{
    pthread_t t[NT];
    for (int i = 0; i < NT; i++)
        pthread_create(&t[i], NULL, worker, (void *)(unsigned long)i);
    for (int i = 0; i < NT; i++)
        pthread_join(t[i], NULL);
    return 0;
}
