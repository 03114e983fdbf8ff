/* CL002 positive: a producer allocates a job, links it into the shared
 * queue through a helper (under the queue's lock), and only then sets the
 * job's state; the consumer thread takes jobs off the queue and reads the
 * state.
 * The write after the hand-off races with the consumer's read: once the
 * job is in the queue it is no longer the producer's alone.
 */
// class: fresh-objects
#include <pthread.h>
#include <stdlib.h>

struct job {
    struct job *next;
    int state;
};

static pthread_mutex_t qlock = PTHREAD_MUTEX_INITIALIZER;
static struct job *queue;

static void push(struct job *j)
{
    pthread_mutex_lock(&qlock);
    j->next = queue;
    queue = j;
    pthread_mutex_unlock(&qlock);
}

static void *consumer(void *arg)
{
    (void)arg;
    for (;;) {
        pthread_mutex_lock(&qlock);
        struct job *j = queue;
        if (j != NULL)
            queue = j->next;
        pthread_mutex_unlock(&qlock);
        if (j != NULL && j->state == 1) // expect-todo: CL002 {{races with write}} -- a write after a locked push (as races/18)
            return j;
    }
}

static void produce(void)
{
    struct job *j = calloc(1, sizeof *j);
    if (j == NULL)
        return;
    push(j);
    j->state = 1;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, consumer, NULL);
    for (int i = 0; i < 3; i++)
        produce();
    pthread_join(t, NULL);
    return 0;
}
