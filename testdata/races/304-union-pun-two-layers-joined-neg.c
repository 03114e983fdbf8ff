/* Pattern: two wrapper layers (a pool helper, then a creator converting
 * the entry through a union); the worker fills a result struct that main
 * reads only after joining it.
 * Verdict: race-free. The join orders the worker's writes before main's
 * reads; main does not touch the result while the worker runs.
 */
// class: spawn-wrappers
// expect-none
#include <pthread.h>

typedef void (*job_entry)(void *);

struct result {
    int rows;
    int bytes;
};

static struct result res;

static int create_raw(pthread_t *tid, job_entry e, void *a)
{
    union {
        job_entry in;
        void *(*out)(void *);
    } f;
    f.in = e;
    return pthread_create(tid, NULL, f.out, a);
}

static int start_job(pthread_t *tid, job_entry e, void *a)
{
    return create_raw(tid, e, a);
}

static void scan(void *arg)
{
    (void)arg;
    res.rows = 10;
    res.bytes = 640;
}

int main(void)
{
    pthread_t t;
    if (start_job(&t, scan, NULL) != 0)
        return 1;
    pthread_join(t, NULL);
    return res.rows + res.bytes > 0 ? 0 : 1;
}
