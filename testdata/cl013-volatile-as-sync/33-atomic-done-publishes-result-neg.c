/* Neither rule: the job's `done` flag is _Atomic, stored with release and
 * loaded with acquire, so the result written before the store is ordered
 * before the creator's read after the loop. */
// expect-none
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>

struct job {
    long result;
    long steps;
    atomic_int done;
};

static void *work(void *arg)
{
    struct job *j = arg;
    j->steps = 3;
    j->result = 21;
    atomic_store_explicit(&j->done, 1, memory_order_release);
    return NULL;
}

int main(void)
{
    struct job *j = calloc(1, sizeof *j);
    pthread_t t;
    if (j == NULL)
        return 1;
    pthread_create(&t, NULL, work, j);
    while (!atomic_load_explicit(&j->done, memory_order_acquire))
        ;
    long r = j->result + j->steps;
    pthread_join(t, NULL);
    free(j);
    return (int)r;
}
