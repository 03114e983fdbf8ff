/* Pattern: publication through an atomic flag with relaxed ordering.
 * Verdict: racy. A relaxed store and a relaxed load are atomic but do not
 * synchronize: the reader can see `ready` set and still read `payload`
 * while (as far as the memory model is concerned) the writer is writing
 * it. Release and acquire are needed.
 */
// class: release-acquire
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>

static atomic_int ready;
static long payload;

static void *writer(void *arg)
{
    payload = 1234; // expect: CL002
    atomic_store_explicit(&ready, 1, memory_order_relaxed);
    return arg;
}

static void *reader(void *arg)
{
    while (!atomic_load_explicit(&ready, memory_order_relaxed))
        ;
    printf("%ld\n", payload);
    return arg;
}

int main(void)
{
    pthread_t w, r;
    pthread_create(&r, NULL, reader, NULL);
    pthread_create(&w, NULL, writer, NULL);
    pthread_join(w, NULL);
    pthread_join(r, NULL);
    return 0;
}
