/* CL007 negative (a worker that yields while the lock is busy): the
 * trylock is retried until it succeeds, so the unlock after the loop
 * always holds the lock. A second function drops the result of a plain
 * lock call, which cannot fail that way.
 */
// class: trylock-result-dropped
// expect-none
#include <pthread.h>
#include <sched.h>

static pthread_mutex_t work_lock = PTHREAD_MUTEX_INITIALIZER;
static int work_done;

static void do_work(void)
{
    while (pthread_mutex_trylock(&work_lock) != 0)
        sched_yield();
    work_done++;
    pthread_mutex_unlock(&work_lock);
}

static void do_more(void)
{
    (void)pthread_mutex_lock(&work_lock);
    work_done++;
    (void)pthread_mutex_unlock(&work_lock);
}

static void *worker(void *arg)
{
    do_work();
    do_more();
    return arg;
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, NULL, worker, NULL);
    pthread_create(&b, NULL, worker, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    return 0;
}
