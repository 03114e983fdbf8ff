/* Pattern: main starts two producers into the same global handle, one
 * after the other; a consumer joins that handle and reads the result.
 * Verdict: racy. The join waits for the second producer only; the first
 * one, whose handle was overwritten, may still be writing.
 */
// class: sibling-join
#include <pthread.h>

static int result;
static pthread_t last;

static void *produce_a(void *arg)
{
    result = 1; // expect: CL002
    return arg;
}

static void *produce_b(void *arg)
{
    (void)arg;
    return NULL;
}

static void *consumer(void *arg)
{
    pthread_join(last, NULL);
    return (void *)(long)result;
}

int main(void)
{
    pthread_t t;
    pthread_create(&last, NULL, produce_a, NULL);
    pthread_create(&last, NULL, produce_b, NULL);
    pthread_create(&t, NULL, consumer, NULL);
    pthread_join(t, NULL);
    return 0;
}
