/* Pattern: the creator configures every slot in one loop, starts the
 * workers in a second loop, and waits for them in a third; a worker reads
 * its configuration and writes only its own result.
 * Verdict: race-free.
 */
// class: per-thread-slots
// expect-none
#include <pthread.h>

#define N 3

struct job {
    int limit;
    long result;
};

static struct job jobs[N];

static void *run(void *arg)
{
    struct job *j = arg;
    for (int i = 0; i < j->limit; i++)
        j->result += i;
    return NULL;
}

int main(void)
{
    pthread_t th[N];
    for (int k = 0; k < N; k++)
        jobs[k].limit = 100 * (k + 1);
    for (int i = 0; i < N; i++)
        pthread_create(&th[i], NULL, run, &jobs[i]);
    for (int i = 0; i < N; i++)
        pthread_join(th[i], NULL);
    return (int)jobs[0].result;
}
