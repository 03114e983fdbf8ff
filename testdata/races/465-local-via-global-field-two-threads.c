/* Pattern: a local counter of main is published in a field of a global
 * configuration (`cfg.counter = &n`); one worker increments it through
 * the field, another resets it through the start argument it was given
 * (`&n`), without a lock.
 * Verdict: racy. `*cfg.counter` and the second worker's `*c` are `n`.
 */
#include <pthread.h>

struct config {
    int *counter;
};

static struct config cfg;

static void *incrementer(void *arg)
{
    (*cfg.counter)++; // expect: CL002
    return arg;
}

static void *resetter(void *arg)
{
    int *c = arg;
    *c = 0;
    return NULL;
}

int main(void)
{
    int n = 0;
    cfg.counter = &n;
    pthread_t a, b;
    pthread_create(&a, NULL, incrementer, NULL);
    pthread_create(&b, NULL, resetter, &n);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    return n;
}
