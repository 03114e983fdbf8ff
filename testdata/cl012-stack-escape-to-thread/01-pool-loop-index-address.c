/* CL012 positive: a worker pool handed the address of the loop index; every
 * worker may read the value of a later round (the textbook pthreads bug,
 * e.g. many "thread id is always 4" questions). */
#include <pthread.h>
#include <stdio.h>

#define NWORKERS 4

static void *worker(void *arg)
{
    int id = *(int *)arg; // expect: CL002
    printf("worker %d\n", id);
    return NULL;
}

int run_pool(void);
int run_pool(void)
{
    pthread_t t[NWORKERS];
    for (int i = 0; i < NWORKERS; i++)
        pthread_create(&t[i], NULL, worker, &i); // expect: CL012 {{address of 'i'}} {{the loop writes again}}
    for (int i = 0; i < NWORKERS; i++)
        pthread_join(t[i], NULL);
    return 0;
}
