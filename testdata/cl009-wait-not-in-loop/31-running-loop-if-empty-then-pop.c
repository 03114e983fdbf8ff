/* CL009 positive: a worker loop that re-checks `running` each round, but
 * the queue's emptiness only once, with an `if`: after a spurious or
 * stolen wakeup the worker pops from an empty queue. */
#include <pthread.h>
#include <stddef.h>

struct task { struct task *next; int arg; };

static pthread_mutex_t q_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t q_nonempty = PTHREAD_COND_INITIALIZER;
static struct task *q_head;
static int running = 1;
static long total;

static void *worker(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&q_lock);
    while (running) {
        if (q_head == NULL)
            pthread_cond_wait(&q_nonempty, &q_lock); // expect: CL009 {{an 'if' tests it only once}}
        struct task *t = q_head;
        q_head = t->next;
        total += t->arg;
    }
    pthread_mutex_unlock(&q_lock);
    return NULL;
}

int main(void)
{
    pthread_t w[2];
    for (int i = 0; i < 2; i++)
        pthread_create(&w[i], NULL, worker, NULL);
    pthread_mutex_lock(&q_lock);
    running = 0;
    pthread_cond_broadcast(&q_nonempty);
    pthread_mutex_unlock(&q_lock);
    for (int i = 0; i < 2; i++)
        pthread_join(w[i], NULL);
    return 0;
}
