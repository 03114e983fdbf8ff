/* Pattern: a library starts its thread pool through its own wrapper of
 * pthread_once (lib_once(&guard, start_pool)); the pool's workers count
 * finished jobs in a global without a lock.
 * Verdict: racy. The workers run in several instances and all write
 * `jobs_done`.
 */
// class: callback-parameters
#include <pthread.h>
#include <unistd.h>

typedef pthread_once_t lib_once_t;

static void lib_once(lib_once_t *guard, void (*routine)(void))
{
    if (pthread_once(guard, routine) != 0)
        _exit(1);
}

static lib_once_t pool_once = PTHREAD_ONCE_INIT;
static pthread_t pool[4];
static long jobs_done;

static void *pool_worker(void *arg)
{
    (void)arg;
    jobs_done++; // expect: CL002 {{races with itself}}
    return NULL;
}

static void start_pool(void)
{
    for (int i = 0; i < 4; i++)
        pthread_create(&pool[i], NULL, pool_worker, NULL);
}

int main(void)
{
    lib_once(&pool_once, start_pool);
    for (int i = 0; i < 4; i++)
        pthread_join(pool[i], NULL);
    return (int)jobs_done;
}
