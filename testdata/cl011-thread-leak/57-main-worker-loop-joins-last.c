/* CL011 positive (a benchmark driver): N workers are started in a loop into
 * one handle and only the last is joined before the results are printed;
 * the others are neither joined nor detached.
 */
// class: handle-overwritten-in-main
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

static long ops;

static void *bench(void *arg)
{
    for (int i = 0; i < 1000; i++)
        __atomic_add_fetch(&ops, 1, __ATOMIC_RELAXED);
    return arg;
}

int main(int argc, char **argv)
{
    int n = argc > 1 ? atoi(argv[1]) : 4;
    pthread_t worker;
    for (int i = 0; i < n; i++)
        if (pthread_create(&worker, NULL, bench, NULL) != 0) // expect: CL011 {{overwrites its handle 'worker'}}
            break;
    pthread_join(worker, NULL);
    printf("%ld\n", __atomic_load_n(&ops, __ATOMIC_RELAXED));
    return 0;
}
