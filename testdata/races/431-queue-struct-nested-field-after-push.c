/* Pattern: a job queue in a global struct; workers get the queue through
 * their argument and pop jobs under its lock. The submitter fills a job,
 * pushes it, and after unlocking stamps a nested statistics field.
 * Verdict: racy. A worker may already own the job and update the same
 * nested field outside the lock.
 */
// class: ownership-transfer
#include <pthread.h>
#include <stdlib.h>

struct stats { long tries; long waited; };
struct job { struct job *next; int id; struct stats st; };
struct queue { pthread_mutex_t mu; struct job *head; int stop; };

static struct queue jobs = { PTHREAD_MUTEX_INITIALIZER, NULL, 0 };

static void *worker(void *arg)
{
    struct queue *q = arg;
    for (;;) {
        pthread_mutex_lock(&q->mu);
        struct job *j = q->head;
        if (j != NULL)
            q->head = j->next;
        int stop = q->stop;
        pthread_mutex_unlock(&q->mu);
        if (j == NULL) {
            if (stop)
                return NULL;
            continue;
        }
        j->st.tries++; // expect-related: CL002 {{conflicting}}
        free(j);
    }
}

int main(void)
{
    pthread_t w[2];
    for (int i = 0; i < 2; i++)
        pthread_create(&w[i], NULL, worker, &jobs);
    for (int i = 0; i < 100; i++) {
        struct job *j = calloc(1, sizeof *j);
        if (j == NULL)
            break;
        j->id = i;
        pthread_mutex_lock(&jobs.mu);
        j->next = jobs.head;
        jobs.head = j;
        pthread_mutex_unlock(&jobs.mu);
        j->st.waited = 0;
        j->st.tries = 1; // expect: CL002 {{write to 'j->st.tries' in 'main'}}
    }
    pthread_mutex_lock(&jobs.mu);
    jobs.stop = 1;
    pthread_mutex_unlock(&jobs.mu);
    for (int i = 0; i < 2; i++)
        pthread_join(w[i], NULL);
    return 0;
}
