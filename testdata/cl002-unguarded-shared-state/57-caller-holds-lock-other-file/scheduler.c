/* CL002 multi-file negative: the threads. Submitters and runners reach the
 * job table in jobs.c only while holding jobs_mutex, which is defined here;
 * runners wait on a condition variable for work. main() reads the pending
 * count under the lock too.
 */
// expect-none
#include <stdio.h>
#include "jobs.h"

#define NSUBMITTERS 2
#define NRUNNERS 4

pthread_mutex_t jobs_mutex = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t jobs_ready = PTHREAD_COND_INITIALIZER;

static void *submitter_main(void *arg)
{
    unsigned base = *(const unsigned *)arg;
    for (unsigned i = 0; i < 500; i++) {
        pthread_mutex_lock(&jobs_mutex);
        if (jobs_enqueue_locked(base + i, i % 7) == 0)
            pthread_cond_signal(&jobs_ready);
        pthread_mutex_unlock(&jobs_mutex);
    }
    return NULL;
}

static void *runner_main(void *arg)
{
    unsigned long *done = arg;
    for (int n = 0; n < 100; n++) {
        unsigned id;
        pthread_mutex_lock(&jobs_mutex);
        while (jobs_take_locked(&id) != 0)
            pthread_cond_wait(&jobs_ready, &jobs_mutex);
        pthread_mutex_unlock(&jobs_mutex);
        *done += id & 1u;
    }
    return NULL;
}

int main(void)
{
    static const unsigned bases[NSUBMITTERS] = { 1000, 2000 };
    static unsigned long done[NRUNNERS];
    pthread_t sub[NSUBMITTERS], run[NRUNNERS];
    for (int i = 0; i < NRUNNERS; i++)
        pthread_create(&run[i], NULL, runner_main, &done[i]);
    for (int i = 0; i < NSUBMITTERS; i++)
        pthread_create(&sub[i], NULL, submitter_main, (void *)&bases[i]);
    pthread_mutex_lock(&jobs_mutex);
    printf("%u jobs pending\n", jobs_pending_locked());
    pthread_mutex_unlock(&jobs_mutex);
    for (int i = 0; i < NSUBMITTERS; i++)
        pthread_join(sub[i], NULL);
    for (int i = 0; i < NRUNNERS; i++)
        pthread_join(run[i], NULL);
    return 0;
}
