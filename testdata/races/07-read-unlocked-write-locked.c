/* Pattern: inconsistent locking, reader skips the lock.
 * Verdict: racy. The updater writes `queue_len` under q_lock; the monitor
 * thread reads it with no lock ("it's only a read"). Unsynchronized read vs
 * write is a data race; the expectation is on the unlocked read.
 */
#include <pthread.h>
#include <stdio.h>

static int queue_len;
static pthread_mutex_t q_lock = PTHREAD_MUTEX_INITIALIZER;

static void *updater(void *arg)
{
    for (int i = 0; i < 1000; i++) {
        pthread_mutex_lock(&q_lock);
        queue_len = i % 17;
        pthread_mutex_unlock(&q_lock);
    }
    return arg;
}

static void *monitor(void *arg)
{
    int max = 0;
    for (int i = 0; i < 1000; i++) {
        int n = queue_len; // expect: CL002
        if (n > max)
            max = n;
    }
    printf("max %d\n", max);
    return arg;
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, NULL, updater, NULL);
    pthread_create(&b, NULL, monitor, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    return 0;
}
