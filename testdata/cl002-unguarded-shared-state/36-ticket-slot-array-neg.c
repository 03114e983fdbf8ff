/* CL002 negative, found by running conc-lint on its own driver: workers
 * claim the next job index from a counter under a lock and each writes
 * only results[i] for the index it claimed. The same statement runs in
 * every worker, but on a different element each time.
 */
// expect-none
#include <pthread.h>

#define NJOBS 64
#define NWORKERS 4

static pthread_mutex_t next_lock = PTHREAD_MUTEX_INITIALIZER;
static unsigned next_job;                 /* guarded by next_lock */
static long results[NJOBS];

static void *worker_main(void *arg)
{
    for (;;) {
        pthread_mutex_lock(&next_lock);
        unsigned i = next_job < NJOBS ? next_job++ : NJOBS;
        pthread_mutex_unlock(&next_lock);
        if (i >= NJOBS)
            break;
        results[i] = (long)i * i;
    }
    return arg;
}

int main(void)
{
    pthread_t t[NWORKERS];
    for (int k = 0; k < NWORKERS; k++)
        pthread_create(&t[k], NULL, worker_main, NULL);
    for (int k = 0; k < NWORKERS; k++)
        pthread_join(t[k], NULL);
    long sum = 0;
    for (int k = 0; k < NJOBS; k++)
        sum += results[k];
    return (int)(sum & 1);
}
