/* CL002 negative, found in conc-lint's own driver: workers claim the next
 * job index from a counter under a lock and hand the address of their own
 * result slot, results[i], to a helper that writes through it. As with
 * 36 (the worker writing results[i] itself), each execution writes only
 * the element it claimed.
 */
// expect-none
#include <pthread.h>

#define NJOBS 64
#define NWORKERS 4

static pthread_mutex_t next_lock = PTHREAD_MUTEX_INITIALIZER;
static unsigned next_job;                 /* guarded by next_lock */
static long results[NJOBS];

static void compute(unsigned job, long *out)
{
    *out = (long)job * job;
}

static void *worker_main(void *arg)
{
    for (;;) {
        pthread_mutex_lock(&next_lock);
        unsigned i = next_job < NJOBS ? next_job++ : NJOBS;
        pthread_mutex_unlock(&next_lock);
        if (i >= NJOBS)
            break;
        compute(i, &results[i]);
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
    return (int)results[3];
}
