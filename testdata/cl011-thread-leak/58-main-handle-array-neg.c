/* CL011 negative (the same driver done right): one handle per worker, all
 * joined in a second loop.
 */
// class: handle-overwritten-in-main
// expect-none
#include <pthread.h>
#include <stdio.h>

static long ops;

static void *bench(void *arg)
{
    __atomic_add_fetch(&ops, 1, __ATOMIC_RELAXED);
    return arg;
}

int main(void)
{
    pthread_t workers[8];
    int started = 0;
    for (int i = 0; i < 8; i++) {
        if (pthread_create(&workers[i], NULL, bench, NULL) != 0)
            break;
        started++;
    }
    for (int i = 0; i < started; i++)
        pthread_join(workers[i], NULL);
    printf("%ld\n", __atomic_load_n(&ops, __ATOMIC_RELAXED));
    return 0;
}
