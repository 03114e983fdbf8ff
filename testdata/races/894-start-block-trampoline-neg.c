/* Pattern: a thread library of the program stores the routine to run and
 * its argument in a heap start block and starts one trampoline on it
 * (races/893). Here every routine takes the lock of the object it is
 * given, and the two tallies are given two different objects.
 * Verdict: race-free. The tallies write each to its own counter; the
 * feeder and the drainer both hold the queue's lock.
 */
// class: callback
// expect-none
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
    pthread_mutex_lock(&q->lock);
    q->depth++;
    pthread_mutex_unlock(&q->lock);
    return NULL;
}

static void *drainer(void *arg)
{
    struct queue *q = arg;
    pthread_mutex_lock(&q->lock);
    if (q->depth > 0)
        q->depth--;
    pthread_mutex_unlock(&q->lock);
    return NULL;
}

struct tally {
    long n;
};

static struct tally reads, writes;

static void *tally(void *arg)
{
    struct tally *t = arg;
    t->n++;
    return NULL;
}

int main(void)
{
    pthread_t h[4];
    if (task_create(&h[0], "reads", tally, &reads) != 0 ||
        task_create(&h[1], "writes", tally, &writes) != 0 ||
        task_create(&h[2], "feeder", feeder, &jobs) != 0 ||
        task_create(&h[3], "drainer", drainer, &jobs) != 0)
        abort(); /* (a server that cannot start its threads stops) */
    for (int i = 0; i < 4; i++)
        pthread_join(h[i], NULL);
    return jobs.depth + (int)(reads.n + writes.n);
}
