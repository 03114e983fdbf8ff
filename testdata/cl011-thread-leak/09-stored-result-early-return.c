/* CL011 positive: the start results are kept per slot for the joining
 * loop, but a check between the two loops returns first: the threads
 * started keep running, on an argument array that is gone. */
#include <pthread.h>

struct part {
    pthread_t thread;
    int ret;
    int lo, hi;
    long sum;
};

static void *sum_main(void *p)
{
    struct part *a = p;
    for (int i = a->lo; i < a->hi; i++)
        a->sum += i;
    return NULL;
}

long sum_parallel(int n, int nthreads, int strict);
long sum_parallel(int n, int nthreads, int strict)
{
    struct part parts[8];
    if (nthreads < 1 || nthreads > 8)
        return -1;
    for (int i = 0; i < nthreads; i++) {
        parts[i].lo = i * n / nthreads;
        parts[i].hi = (i + 1) * n / nthreads;
        parts[i].sum = 0;
        parts[i].ret = pthread_create(&parts[i].thread, NULL, sum_main, &parts[i]); // expect: CL011 {{when 'sum_parallel' returns}} CL012
    }
    if (strict && parts[0].ret != 0)
        return -1; // expect-related: CL011
    long total = 0;
    for (int i = 0; i < nthreads; i++) {
        if (parts[i].ret == 0)
            pthread_join(parts[i].thread, NULL);
        total += parts[i].sum;
    }
    return total;
}
