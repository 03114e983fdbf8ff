/* Pattern: two wrapper layers: pool_start() passes the entry to
 * thread_create_opts(), which converts it through a union and calls
 * pthread_create. The worker sets a status field of a global struct that
 * main polls without synchronization.
 * Verdict: racy. `status.phase` is written by the worker and read by main
 * while the worker runs, with no lock and no atomic.
 */
// class: spawn-wrappers
#include <pthread.h>
#include <unistd.h>

typedef void (*thread_entry)(void *);

struct thread_opts {
    int detached;
};

struct worker_status {
    int phase;
    int errors;
};

static struct worker_status status;

static int thread_create_opts(pthread_t *tid, const struct thread_opts *o, thread_entry e, void *a)
{
    union {
        thread_entry from;
        void *(*to)(void *);
    } u;
    (void)o;
    u.from = e;
    return pthread_create(tid, NULL, u.to, a);
}

static int pool_start(pthread_t *tid, thread_entry e)
{
    struct thread_opts o = { 0 };
    return thread_create_opts(tid, &o, e, NULL);
}

static void loader(void *arg)
{
    (void)arg;
    status.phase = 1; // expect: CL002 {{races with read}}
}

int main(void)
{
    pthread_t t;
    if (pool_start(&t, loader) != 0)
        return 1;
    int seen = status.phase;
    pthread_join(t, NULL);
    return seen;
}
