/* CL010 positive and negative in one thread: under the job mutex the
 * worker first takes the pool's semaphore (a lock: every user downs then
 * ups it; not flagged), then waits for the loader's "ready" semaphore,
 * which only the loader ups: a signal, waited for with the job mutex
 * held. Both are the same mutex+condvar semaphore type. */
#include <pthread.h>

struct csem {
    pthread_mutex_t lock;
    pthread_cond_t cond;
    int value;
};

static void csem_down(struct csem *s)
{
    pthread_mutex_lock(&s->lock);
    while (!s->value)
        pthread_cond_wait(&s->cond, &s->lock);
    s->value--;
    pthread_mutex_unlock(&s->lock);
}

static void csem_up(struct csem *s)
{
    pthread_mutex_lock(&s->lock);
    s->value++;
    pthread_cond_signal(&s->cond);
    pthread_mutex_unlock(&s->lock);
}

static struct csem pool_sem = { PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, 1 };
static struct csem ready_sem = { PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, 0 };
static pthread_mutex_t job_lock = PTHREAD_MUTEX_INITIALIZER;
static int pool_used, jobs;

static void *worker(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&job_lock);
    csem_down(&pool_sem); /* (no finding: a lock) */
    pool_used++;
    csem_up(&pool_sem);
    csem_down(&ready_sem); // expect: CL010
    jobs++;
    pthread_mutex_unlock(&job_lock);
    return NULL;
}

static void *loader(void *arg)
{
    (void)arg;
    csem_down(&pool_sem);
    pool_used--;
    csem_up(&pool_sem);
    csem_up(&ready_sem);
    return NULL;
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, NULL, worker, NULL);
    pthread_create(&b, NULL, loader, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    return 0;
}
