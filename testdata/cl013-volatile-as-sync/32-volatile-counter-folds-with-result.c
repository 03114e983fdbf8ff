/* CL002 alone: the worker bumps a volatile progress counter (`n++` reads
 * the counter: a lost update, not a flag; CL013 stays silent) and writes
 * its result; the creator reads both while the worker runs. The counter
 * is one of the races CL002 folds into the worker's update. */
#include <pthread.h>
#include <stdlib.h>

struct job {
    volatile long progress;
    long result;
};

static void *work(void *arg)
{
    struct job *j = arg;
    for (int i = 0; i < 100; i++)
        j->progress++; // expect: CL002 {{and 1 more race on}}
    j->result = 42;
    return NULL;
}

int main(void)
{
    struct job *j = calloc(1, sizeof *j);
    pthread_t t;
    if (j == NULL)
        return 1;
    pthread_create(&t, NULL, work, j);
    long seen = j->progress + j->result;
    pthread_join(t, NULL);
    free(j);
    return (int)seen;
}
