/* Pattern: a task struct with a callback member handed to a runner
 * thread; the callback takes the lock main also takes.
 * Verdict: race-free.
 */
// expect-none
#include <pthread.h>

static pthread_mutex_t done_lock = PTHREAD_MUTEX_INITIALIZER;
static long done_tasks;

static void finish_task(void)
{
    pthread_mutex_lock(&done_lock);
    done_tasks++;
    pthread_mutex_unlock(&done_lock);
}

struct task {
    void (*on_done)(void);
    int id;
};

static void *runner(void *arg)
{
    struct task *t = arg;
    t->on_done();
    return NULL;
}

static struct task job;

int main(void)
{
    job.on_done = finish_task;
    job.id = 3;
    pthread_t th;
    if (pthread_create(&th, NULL, runner, &job) != 0)
        return 1;
    pthread_mutex_lock(&done_lock);
    done_tasks = 0;
    pthread_mutex_unlock(&done_lock);
    pthread_join(th, NULL);
    return 0;
}
