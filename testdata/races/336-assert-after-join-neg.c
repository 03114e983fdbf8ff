/* Pattern: verification-benchmark property check. The threads update a
 * global under a mutex; main checks the result with assert (and a
 * reach_error helper) only after joining them.
 * Verdict: race-free. The reads in the checks follow the joins.
 */
#include <assert.h>
#include <pthread.h>

// class: assert-checks
// expect-none

static void reach_error(void) { assert(0); }

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static int g;

static void *add_one(void *arg)
{
    pthread_mutex_lock(&m);
    g = g + 1;
    pthread_mutex_unlock(&m);
    return arg;
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, NULL, add_one, NULL);
    pthread_create(&b, NULL, add_one, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    if (!(g == 2))
        reach_error();
    assert(g == 2);
    return 0;
}
