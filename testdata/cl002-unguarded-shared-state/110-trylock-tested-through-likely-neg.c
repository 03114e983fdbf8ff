/* CL002 negative: the trylock's result is tested through a branch
 * prediction hint (`likely(x)`, __builtin_expect(!!(x), 1)); the update
 * runs only where the trylock succeeded.
 */
// class: lock-apis
// expect-none
#include <pthread.h>

#define likely(x) __builtin_expect(!!(x), 1)
static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static long done;

static void *worker(void *arg)
{
    if (likely(pthread_mutex_trylock(&m) == 0)) {
        done++;
        pthread_mutex_unlock(&m);
    }
    return arg;
}

int main(void)
{
    pthread_t t[2];
    for (int i = 0; i < 2; i++)
        pthread_create(&t[i], NULL, worker, NULL);
    for (int i = 0; i < 2; i++)
        pthread_join(t[i], NULL);
    return 0;
}
