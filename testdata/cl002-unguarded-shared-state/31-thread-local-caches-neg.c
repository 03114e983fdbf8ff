/* CL002 negative: thread-local storage. Each worker keeps a last-lookup
 * cache and an error counter in `_Thread_local` / GNU `__thread` variables
 * (one instance per thread), and publishes its total into a locked global
 * once at the end.
 */
// expect-none
#include <pthread.h>
#include <string.h>

#define NWORKERS 4

static _Thread_local char last_key[64];
static _Thread_local int last_value;
static __thread unsigned lookup_errors;

static pthread_mutex_t totals_lock = PTHREAD_MUTEX_INITIALIZER;
static unsigned total_errors;            /* guarded by totals_lock */

int backend_get(const char *key, int *value);   /* db.c */

static int cached_get(const char *key)
{
    if (strcmp(last_key, key) == 0)
        return last_value;
    int v = 0;
    if (backend_get(key, &v) != 0)
        lookup_errors++;
    strncpy(last_key, key, sizeof last_key - 1);
    last_value = v;
    return v;
}

static void *worker_main(void *arg)
{
    long sum = 0;
    for (int i = 0; i < 10000; i++)
        sum += cached_get(i % 3 ? (const char *)arg : "hot");
    pthread_mutex_lock(&totals_lock);
    total_errors += lookup_errors;
    pthread_mutex_unlock(&totals_lock);
    return (void *)sum;
}

int main(void)
{
    pthread_t tids[NWORKERS];
    for (int i = 0; i < NWORKERS; i++)
        pthread_create(&tids[i], NULL, worker_main, (void *)"user:1");
    for (int i = 0; i < NWORKERS; i++)
        pthread_join(tids[i], NULL);
    return total_errors > 0;
}
