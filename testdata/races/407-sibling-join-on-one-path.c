/* Pattern: a consumer joins the producer only when asked to wait, then
 * reads the producer's result either way.
 * Verdict: racy. On the path without the join nothing orders the read
 * after the producer's write.
 */
// class: sibling-join
#include <pthread.h>

static int result;
static int wait_first;
static pthread_t first;

static void *producer(void *arg)
{
    result = 7; // expect: CL002
    return arg;
}

static void *consumer(void *arg)
{
    if (wait_first)
        pthread_join(first, NULL);
    return (void *)(long)result;
}

int main(int argc, char **argv)
{
    pthread_t t;
    (void)argv;
    wait_first = argc > 1;
    pthread_create(&first, NULL, producer, NULL);
    pthread_create(&t, NULL, consumer, NULL);
    pthread_join(t, NULL);
    return 0;
}
