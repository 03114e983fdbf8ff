/* Pattern: the worker allocates its result, fills it and returns it as the
 * thread's exit value; main receives it through pthread_join's out
 * parameter and reads it.
 * Verdict: race-free. Only the worker touches the object until it ends;
 * main sees it only after the join.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

// class: heap-buffers
// expect-none

struct result {
    int count;
    long sum;
};

static void *compute(void *arg)
{
    struct result *r = malloc(sizeof *r);
    if (r == NULL)
        return NULL;
    r->count = 10;
    r->sum = 0;
    for (int i = 0; i < r->count; i++)
        r->sum += i;
    return r;
}

int main(void)
{
    pthread_t t;
    void *ret = NULL;
    pthread_create(&t, NULL, compute, NULL);
    pthread_join(t, &ret);
    struct result *r = ret;
    if (r != NULL) {
        printf("%d %ld\n", r->count, r->sum);
        free(r);
    }
    return 0;
}
