/* CL002 positive, the twin of 40: every worker hands the address of the
 * same slot, results[0] (a constant index), to the helper, so the workers
 * race on it.
 */
#include <pthread.h>

#define NJOBS 64
#define NWORKERS 4

static pthread_mutex_t next_lock = PTHREAD_MUTEX_INITIALIZER;
static unsigned next_job;                 /* guarded by next_lock */
static long results[NJOBS];

static void compute(unsigned job, long *out)
{
    *out = (long)job * job;   // expect: CL002
}

static void *worker_main(void *arg)
{
    for (;;) {
        pthread_mutex_lock(&next_lock);
        unsigned i = next_job < NJOBS ? next_job++ : NJOBS;
        pthread_mutex_unlock(&next_lock);
        if (i >= NJOBS)
            break;
        compute(i, &results[0]);
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
