/* Pattern: as a sibling join, but the second thread reads the first
 * thread's result before it joins it.
 * Verdict: racy. Only what follows the join is ordered after the first
 * thread: the read before it races with the write.
 */
// class: sibling-join
#include <pthread.h>

static int result;
static pthread_t first;

static void *producer(void *arg)
{
    result = 42; // expect: CL002
    return arg;
}

static void *consumer(void *arg)
{
    int early = result;
    pthread_join(first, NULL);
    return (void *)(long)(early + result);
}

int main(void)
{
    pthread_t t;
    pthread_create(&first, NULL, producer, NULL);
    pthread_create(&t, NULL, consumer, NULL);
    pthread_join(t, NULL);
    return 0;
}
