/* CL005 positive (a job table): `if (rc != 0) { if (rc == EBUSY) ... }`
 * handles every failure, so past it the lock is held; the full-table path
 * returns holding it.
 */
// class: trylock-result
#include <errno.h>
#include <pthread.h>

static pthread_mutex_t jobs_lock = PTHREAD_MUTEX_INITIALIZER;
static int njobs;

static int job_add(void)
{
    int rc = pthread_mutex_trylock(&jobs_lock); // expect-related: CL005 {{locked here}}
    if (rc != 0) {
        if (rc == EBUSY)
            return 0;
        return -1;
    }
    if (njobs >= 64)
        return -1; // expect: CL005 {{'job_add' returns with 'jobs_lock' still locked}}
    njobs++;
    pthread_mutex_unlock(&jobs_lock);
    return 1;
}

static void *producer(void *arg)
{
    job_add();
    return arg;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, producer, NULL);
    job_add();
    pthread_join(t, NULL);
    return 0;
}
