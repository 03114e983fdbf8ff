/* Pattern: main fills a job struct at run time (`job.run = bump_locked`)
 * and hands it to the worker, which calls through the field; main also
 * calls the function directly.
 * Verdict: race-free: bump_locked takes the counter's lock on every call,
 * whoever calls it.
 */
#include <pthread.h>
#include <stdio.h>

// class: function-pointers
// expect-none

struct job {
    void (*run)(int);
    int times;
};

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static int hits;

static void bump_locked(int n)
{
    pthread_mutex_lock(&m);
    hits += n;
    pthread_mutex_unlock(&m);
}

static void *worker(void *arg)
{
    struct job *j = arg;
    for (int i = 0; i < j->times; i++)
        j->run(1);
    return NULL;
}

int main(void)
{
    struct job job;
    job.run = bump_locked;
    job.times = 10;
    pthread_t t;
    pthread_create(&t, NULL, worker, &job);
    bump_locked(5);
    pthread_join(t, NULL);
    printf("%d\n", hits);
    return 0;
}
