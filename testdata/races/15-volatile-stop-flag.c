/* Pattern: signal-style stop flag declared volatile.
 * Verdict: racy. `volatile` prevents the compiler from caching the value
 * but gives no atomicity and no ordering between threads: main's write of
 * `stop` and the worker's read are a data race in C11. Both unlocked; the
 * worker's read is in the spawned thread. A volatile flag's race is
 * CL013's (reported at the declaration, where _Atomic goes), not CL002's.
 */
#include <pthread.h>
#include <stdio.h>

static volatile int stop; // expect: CL013
static pthread_mutex_t work_lock = PTHREAD_MUTEX_INITIALIZER;
static unsigned long work_done;

static void *worker(void *arg)
{
    while (!stop) {
        pthread_mutex_lock(&work_lock);
        work_done++;
        pthread_mutex_unlock(&work_lock);
    }
    return arg;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, worker, NULL);
    for (int i = 0; i < 1000000; i++) {
        pthread_mutex_lock(&work_lock);
        unsigned long d = work_done;
        pthread_mutex_unlock(&work_lock);
        if (d > 1000)
            break;
    }
    stop = 1;
    pthread_join(t, NULL);
    printf("%lu\n", work_done);
    return 0;
}
