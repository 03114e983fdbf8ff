/* CL012 negative: one argument slot per thread in an array that outlives
 * the threads (joined before the function returns). */
// expect-none
#include <pthread.h>

#define NT 4

struct range { long lo, hi, sum; };

static void *sum_range(void *arg)
{
    struct range *r = arg;
    for (long k = r->lo; k < r->hi; k++)
        r->sum += k;
    return NULL;
}

long parallel_sum(long n);
long parallel_sum(long n)
{
    pthread_t t[NT];
    struct range r[NT];
    for (int i = 0; i < NT; i++) {
        r[i].lo = n * i / NT;
        r[i].hi = n * (i + 1) / NT;
        r[i].sum = 0;
        pthread_create(&t[i], NULL, sum_range, &r[i]);
    }
    long total = 0;
    for (int i = 0; i < NT; i++) {
        pthread_join(t[i], NULL);
        total += r[i].sum;
    }
    return total;
}
