/* CL013 and CL002, one finding each: the worker gets its job through the
 * thread argument, writes the result, then raises the job's volatile
 * `done` member; the creator polls `done` and reads the result. The flag
 * is CL013's finding; CL002 reports the race on the result and does not
 * count the flag among the races it folds. */
#include <pthread.h>
#include <stdlib.h>

struct job {
    int in;
    long result;
    long steps;
    volatile int done; // expect: CL013 {{volatile 'j->done' is the only synchronization}}
};

static void *work(void *arg)
{
    struct job *j = arg;
    j->steps = j->in * 2; // expect: CL002 {{and 1 more race on}}
    j->result = j->in * 3;
    j->done = 1; // expect-related: CL013 {{store to 'j->done'}}
    return NULL;
}

int main(void)
{
    struct job *j = calloc(1, sizeof *j);
    pthread_t t;
    if (j == NULL)
        return 1;
    j->in = 7;
    pthread_create(&t, NULL, work, j);
    while (!j->done) // expect-related: CL013 {{read of 'j->done' in 'main'}}
        ;
    long r = j->result + j->steps;
    pthread_join(t, NULL);
    free(j);
    return (int)r;
}
