/* CL009 positive: the `if` around the wait tests the queue again after
 * the wait, but only to count the spurious wakeup: it goes on and pops
 * from the empty queue anyway. */
#include <pthread.h>
#include <stdlib.h>

struct item { struct item *next; int v; };

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t c = PTHREAD_COND_INITIALIZER;
static struct item *head;
static long spurious, sum;

static void *worker(void *arg)
{
    (void)arg;
    for (;;) {
        pthread_mutex_lock(&m);
        if (head == NULL) {
            pthread_cond_wait(&c, &m); // expect: CL009 {{an 'if' tests it only once}}
            if (head == NULL)
                spurious++;
        }
        struct item *it = head;
        head = it->next;
        sum += it->v;
        pthread_mutex_unlock(&m);
        free(it);
    }
    return NULL;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, worker, NULL);
    pthread_detach(t);
    return 0;
}
