/* Pattern: verification-benchmark property check placed before the join:
 * main asserts on the global while the thread may still be writing it.
 * Verdict: racy: the read inside assert() overlaps the thread's write
 * (which holds a lock main does not take).
 */
#include <assert.h>
#include <pthread.h>

// class: assert-checks

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static int g;

static void *set_g(void *arg)
{
    pthread_mutex_lock(&m);
    g = 1;
    pthread_mutex_unlock(&m);
    return arg;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, set_g, NULL);
    assert(g == 0 || g == 1); // expect: CL002
    pthread_join(t, NULL);
    return 0;
}
