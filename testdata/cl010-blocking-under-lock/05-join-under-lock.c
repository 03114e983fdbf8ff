/* CL010 positive: shutdown joins the worker while holding the pool lock
 * the worker needs to finish its last job: a deadlock, not just a stall. */
#include <pthread.h>

static pthread_mutex_t pool_lock = PTHREAD_MUTEX_INITIALIZER;
static int stopping, done_jobs;

static void *worker(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&pool_lock);
    done_jobs++;
    pthread_mutex_unlock(&pool_lock);
    return NULL;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, worker, NULL);
    pthread_mutex_lock(&pool_lock);
    stopping = 1;
    pthread_join(t, NULL); // expect: CL010 {{waits for thread 'worker', which takes 'pool_lock', while 'pool_lock' is held (a deadlock)}}
    // expect-related@-13: CL010 {{thread 'worker' takes 'pool_lock' here}}
    pthread_mutex_unlock(&pool_lock);
    return done_jobs;
}
