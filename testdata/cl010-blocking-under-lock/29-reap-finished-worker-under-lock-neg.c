/* CL010 negative: rsyslog's wtiJoinThrd() and knot's dthreads reaper join
 * worker threads that have announced their exit, while holding the pool
 * lock; the workers never take that lock, so the join cannot deadlock and
 * returns at once. */
// expect-none
#include <pthread.h>

enum { RUNNING, WAIT_JOIN, JOINED };

struct worker { pthread_t tid; int state; };

static pthread_mutex_t pool_lock = PTHREAD_MUTEX_INITIALIZER;
static struct worker workers[2];
static int done_count;

static void *work(void *arg)
{
    struct worker *w = arg;
    __atomic_store_n(&w->state, WAIT_JOIN, __ATOMIC_RELEASE);
    return NULL;
}

static void reap(void)
{
    pthread_mutex_lock(&pool_lock);
    for (int i = 0; i < 2; i++)
        if (__atomic_load_n(&workers[i].state, __ATOMIC_ACQUIRE) == WAIT_JOIN) {
            pthread_join(workers[i].tid, NULL);
            workers[i].state = JOINED;
            done_count++;
        }
    pthread_mutex_unlock(&pool_lock);
}

int main(void)
{
    for (int i = 0; i < 2; i++)
        pthread_create(&workers[i].tid, NULL, work, &workers[i]);
    reap();
    return done_count;
}
