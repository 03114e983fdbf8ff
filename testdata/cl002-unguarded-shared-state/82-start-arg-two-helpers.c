/* CL002 positive, two root causes on a thread's start argument: every
 * worker gets the same job object and hands it to two helpers, take() and
 * finish(), which update different fields of it without the job's lock.
 * Both accesses go through the entry's argument, but the entry passing its
 * argument on does not make its callees one update: two functions, two
 * findings.
 */
#include <pthread.h>

struct job {
    pthread_mutex_t lock;
    int next;
    int done;
};

static void take(struct job *j)
{
    j->next++; // expect: CL002 {{write to 'j->next' in 'take' races with itself}}
}

static void finish(struct job *j)
{
    j->done++; // expect: CL002 {{write to 'j->done' in 'finish' races with itself}}
}

static void *worker(void *arg)
{
    take(arg);
    finish(arg);
    return NULL;
}

int main(void)
{
    static struct job job = { PTHREAD_MUTEX_INITIALIZER, 0, 0 };
    pthread_t t[3];
    for (int i = 0; i < 3; i++)
        pthread_create(&t[i], NULL, worker, &job);
    for (int i = 0; i < 3; i++)
        pthread_join(t[i], NULL);
    return 0;
}
