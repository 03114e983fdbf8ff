/* CL009 negative: the outer loop tests `running`, and the wait sits in an
 * inner `while` that re-checks the queue (and the stop flag) after every
 * wakeup before the worker pops. */
// expect-none
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
        while (q_head == NULL && running)
            pthread_cond_wait(&q_nonempty, &q_lock);
        if (q_head == NULL)
            break;
        struct task *t = q_head;
        q_head = t->next;
        total += t->arg;
    }
    pthread_mutex_unlock(&q_lock);
    return NULL;
}

int main(void)
{
    pthread_t w;
    pthread_create(&w, NULL, worker, NULL);
    pthread_mutex_lock(&q_lock);
    running = 0;
    pthread_cond_broadcast(&q_nonempty);
    pthread_mutex_unlock(&q_lock);
    pthread_join(w, NULL);
    return 0;
}
