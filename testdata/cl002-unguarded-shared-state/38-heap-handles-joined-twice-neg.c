/* CL002 negative, found by running conc-lint on its own driver: a helper
 * starts a pool of workers on a job struct in its own stack frame, keeps
 * the pthread_t handles in a heap array, and joins them all before it
 * returns. Called twice, the second call's writes to the job struct come
 * after every worker of the first call was joined. The handles live behind
 * a local pointer the analysis cannot name, so the join loop pairs with the
 * spawn loop of the same call.
 */
// expect-none
#include <pthread.h>
#include <stdlib.h>

typedef struct job {
    pthread_mutex_t lock;
    unsigned next, n;     /* next guarded by lock */
    int *out;
} job;

static void *worker(void *arg)
{
    job *j = arg;
    for (;;) {
        pthread_mutex_lock(&j->lock);
        unsigned i = j->next < j->n ? j->next++ : j->n;
        pthread_mutex_unlock(&j->lock);
        if (i >= j->n)
            break;
        j->out[i] = (int)i;
    }
    return NULL;
}

static void run_all(int *out, unsigned n, unsigned nworkers)
{
    job j;
    pthread_mutex_init(&j.lock, NULL);
    j.next = 0;
    j.n = n;
    j.out = out;
    pthread_t *tids = calloc(nworkers, sizeof *tids);
    if (tids == NULL)
        return;
    unsigned started = 0;
    for (unsigned i = 0; i < nworkers; i++)
        if (pthread_create(&tids[i], NULL, worker, &j) == 0)
            started++;
    for (unsigned i = 0; i < started; i++)
        pthread_join(tids[i], NULL);
    free(tids);
    pthread_mutex_destroy(&j.lock);
}

int main(void)
{
    int out[16];
    run_all(out, 16, 4);
    run_all(out, 16, 2);
    return out[3];
}
