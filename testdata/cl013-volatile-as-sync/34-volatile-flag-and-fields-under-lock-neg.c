/* Neither rule: the job's volatile `done` member and its result are
 * written and read under the job's mutex; volatile is redundant there but
 * nothing races. */
// expect-none
#include <pthread.h>
#include <sched.h>
#include <stdlib.h>

struct job {
    pthread_mutex_t mu;
    long result;
    long steps;
    volatile int done;
};

static void *work(void *arg)
{
    struct job *j = arg;
    pthread_mutex_lock(&j->mu);
    j->steps = 3;
    j->result = 21;
    j->done = 1;
    pthread_mutex_unlock(&j->mu);
    return NULL;
}

int main(void)
{
    struct job *j = calloc(1, sizeof *j);
    pthread_t t;
    long r = 0;
    if (j == NULL)
        return 1;
    pthread_mutex_init(&j->mu, NULL);
    pthread_create(&t, NULL, work, j);
    for (int fin = 0; !fin;) {
        pthread_mutex_lock(&j->mu);
        fin = j->done;
        if (fin)
            r = j->result + j->steps;
        pthread_mutex_unlock(&j->mu);
        if (!fin)
            sched_yield();
    }
    pthread_join(t, NULL);
    free(j);
    return (int)r;
}
