/* Pattern: a thread library of the program (icecast's thread_create_c,
 * APR's apr_thread_create) stores the routine to run and its argument in
 * a heap "start block" and starts one trampoline on it (through a helper
 * that sets the stack size), which frees the block and calls `fn(arg)`.
 * Verdict: racy. The feeder and the drainer run at once on the same
 * queue, and the drainer takes the lock the feeder skips.
 */
// class: callback
#include <pthread.h>
#include <stdlib.h>

struct start_block {
    void *(*routine)(void *);
    void *arg;
    const char *name;
};

struct queue {
    pthread_mutex_t lock;
    int depth;
};

static struct queue jobs = { PTHREAD_MUTEX_INITIALIZER, 0 };

static void *start_routine(void *p)
{
    struct start_block *sb = p;
    void *(*routine)(void *) = sb->routine;
    void *arg = sb->arg;
    free(sb);
    return routine(arg);
}

static int start_thread(pthread_t *h, void *(*entry)(void *), void *arg)
{
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, 512 * 1024);
    int rc = pthread_create(h, &attr, entry, arg);
    pthread_attr_destroy(&attr);
    return rc;
}

static int task_create(pthread_t *h, const char *name, void *(*routine)(void *), void *arg)
{
    struct start_block *sb = calloc(1, sizeof *sb);
    if (sb == NULL)
        return -1;
    sb->routine = routine;
    sb->arg = arg;
    sb->name = name;
    if (start_thread(h, start_routine, sb) != 0) {
        free(sb);
        return -1;
    }
    return 0;
}

static void *feeder(void *arg)
{
    struct queue *q = arg;
    q->depth++; // expect: CL002
    // expect-flow@-1: CL002 {{thread 'feeder'}}
    return NULL;
}

static void *drainer(void *arg)
{
    struct queue *q = arg;
    pthread_mutex_lock(&q->lock);
    if (q->depth > 0) // expect-related: CL002
        q->depth--;
    pthread_mutex_unlock(&q->lock);
    return NULL;
}

int main(void)
{
    pthread_t f, d;
    if (task_create(&f, "feeder", feeder, &jobs) != 0)
        return 1;
    if (task_create(&d, "drainer", drainer, &jobs) != 0) {
        pthread_join(f, NULL);
        return 1;
    }
    pthread_join(f, NULL);
    pthread_join(d, NULL);
    return jobs.depth;
}
