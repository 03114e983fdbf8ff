/* Pattern: workers started through a wrapper that converts the entry
 * through a union (void (*)(void *) in, void *(*)(void *) out), each
 * adding to a shared total under a mutex.
 * Verdict: race-free. Every access to `total` holds `total_lock`; main
 * reads it after joining every worker.
 */
// class: spawn-wrappers
// expect-none
#include <pthread.h>

typedef void (*task_fn)(void *);

static pthread_mutex_t total_lock = PTHREAD_MUTEX_INITIALIZER;
static long total;

static int spawn_task(pthread_t *t, task_fn fn, void *arg)
{
    union {
        task_fn given;
        void *(*routine)(void *);
    } conv;
    conv.given = fn;
    return pthread_create(t, NULL, conv.routine, arg);
}

static void add_share(void *arg)
{
    long share = *(const long *)arg;
    pthread_mutex_lock(&total_lock);
    total += share;
    pthread_mutex_unlock(&total_lock);
}

int main(void)
{
    static const long shares[3] = { 5, 7, 11 };
    pthread_t t[3];
    for (int i = 0; i < 3; i++)
        spawn_task(&t[i], add_share, (void *)&shares[i]);
    for (int i = 0; i < 3; i++)
        pthread_join(t[i], NULL);
    return total == 23 ? 0 : 1;
}
