/* Pattern: two threads each set their own flag in a word of bit-fields
 * (`st.ready`, `st.busy`), without a lock.
 * Verdict: racy. Adjacent bit-fields are one memory location (C11 3.14):
 * each write rewrites the whole unit.
 */
#include <pthread.h>

static struct {
    unsigned ready : 1;
    unsigned busy : 1;
    unsigned level : 6;
} st;

static void *producer(void *arg)
{
    st.ready = 1; // expect: CL002
    return arg;
}

static void *consumer(void *arg)
{
    st.busy = 1;
    return arg;
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, NULL, producer, NULL);
    pthread_create(&b, NULL, consumer, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    return 0;
}
