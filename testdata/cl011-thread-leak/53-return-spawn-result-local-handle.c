/* CL011 positive: a helper returns pthread_create()'s result, and the
 * handle it created the thread with is its own local: nobody can join or
 * detach the thread after the helper returns.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>

static atomic_int flushed;

static void *flusher(void *arg)
{
    atomic_fetch_add(&flushed, 1);
    return arg;
}

static int start_flusher(void)
{
    pthread_t t;
    return pthread_create(&t, NULL, flusher, NULL); // expect: CL011
}

int main(void)
{
    if (start_flusher() != 0)
        return 1;
    puts("started");
    return 0;
}
