/* CL002 positive, the twin of 38: the handles again live in a heap array
 * the analysis cannot name, but this helper returns without joining, so
 * the second call's writes to the shared job race with the first call's
 * workers, which may still be running. One defect: start_all re-arms the
 * job without waiting for the workers, so its writes and the workers'
 * unlocked reads are one finding at its first write (rules.md, "one root
 * cause, one finding").
 */
#include <pthread.h>
#include <stdlib.h>

typedef struct job {
    pthread_mutex_t lock;
    unsigned next, n;     /* next guarded by lock */
    int *out;
} job;

static job shared_job;

static void *worker(void *arg)
{
    job *j = arg;
    for (;;) {
        pthread_mutex_lock(&j->lock);
        unsigned i = j->next < j->n ? j->next++ : j->n;
        pthread_mutex_unlock(&j->lock);
        if (i >= j->n)   // expect-related: CL002 {{conflicting read of 'j->n' in 'worker'}}
            break;
        j->out[i] = (int)i;   // expect-related: CL002 {{conflicting read of 'j->out' in 'worker'}}
    }
    return NULL;
}

static void start_all(int *out, unsigned n, unsigned nworkers)
{
    shared_job.next = 0;   // expect: CL002 {{and 3 more races on 'shared_job' through 'start_all'}}
    shared_job.n = n;   // expect-related: CL002 {{also writes 'shared_job.n' in 'start_all'}}
    shared_job.out = out;
    pthread_t *tids = calloc(nworkers, sizeof *tids);
    if (tids == NULL)
        return;
    for (unsigned i = 0; i < nworkers; i++)
        if (pthread_create(&tids[i], NULL, worker, &shared_job) == 0)
            pthread_detach(tids[i]);
    free(tids);
}

int main(void)
{
    static int out[16];
    pthread_mutex_init(&shared_job.lock, NULL);
    start_all(out, 16, 4);
    start_all(out, 16, 2);
    return 0;
}
