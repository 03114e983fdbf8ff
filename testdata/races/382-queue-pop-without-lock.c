/* Pattern: the job stack of a consumer pool, popped without the lock (the
 * author thought one consumer at a time would run).
 * Verdict: racy. Two consumers read and overwrite `jobs` at once: both may
 * take the same job (and free it twice).
 */
// class: ownership-transfer
#include <pthread.h>
#include <stdlib.h>

struct job {
    struct job *next;
    int id;
};

static struct job *jobs;
static long handled;
static pthread_mutex_t count_lock = PTHREAD_MUTEX_INITIALIZER;

static void *consumer(void *arg)
{
    (void)arg;
    for (;;) {
        struct job *j = jobs;
        if (j == NULL)
            break;
        jobs = j->next; // expect: CL002
        pthread_mutex_lock(&count_lock);
        handled += j->id;
        pthread_mutex_unlock(&count_lock);
        free(j);
    }
    return NULL;
}

int main(void)
{
    for (int i = 0; i < 32; i++) {
        struct job *j = malloc(sizeof *j);
        if (j == NULL)
            return 1;
        j->id = i;
        j->next = jobs;
        jobs = j;
    }
    pthread_t t[2];
    for (int i = 0; i < 2; i++)
        pthread_create(&t[i], NULL, consumer, NULL);
    for (int i = 0; i < 2; i++)
        pthread_join(t[i], NULL);
    return 0;
}
