/* Pattern: a job stack shared by a pool of consumers; each pops the top
 * job under the lock (reads the pointer, then overwrites the head with the
 * job's successor) and uses and frees the job after unlocking.
 * Verdict: race-free. A popped job is off the stack: no other thread can
 * reach it any more, so its fields and its free() are the popping
 * thread's alone (ownership transfer).
 */
// class: ownership-transfer
// expect-none
#include <pthread.h>
#include <stdlib.h>

struct job {
    struct job *next;
    int id;
    long cost;
};

static pthread_mutex_t jobs_lock = PTHREAD_MUTEX_INITIALIZER;
static struct job *jobs;
static long done_cost;

static void *consumer(void *arg)
{
    (void)arg;
    for (;;) {
        pthread_mutex_lock(&jobs_lock);
        struct job *j = jobs;
        if (j == NULL) {
            pthread_mutex_unlock(&jobs_lock);
            break;
        }
        jobs = j->next;
        pthread_mutex_unlock(&jobs_lock);
        j->cost *= 2;
        pthread_mutex_lock(&jobs_lock);
        done_cost += j->cost;
        pthread_mutex_unlock(&jobs_lock);
        free(j);
    }
    return NULL;
}

int main(void)
{
    for (int i = 0; i < 64; i++) {
        struct job *j = malloc(sizeof *j);
        if (j == NULL)
            return 1;
        j->id = i;
        j->cost = i;
        j->next = jobs;
        jobs = j;
    }
    pthread_t t[4];
    for (int i = 0; i < 4; i++)
        pthread_create(&t[i], NULL, consumer, NULL);
    for (int i = 0; i < 4; i++)
        pthread_join(t[i], NULL);
    return done_cost > 0 ? 0 : 1;
}
