/* CL009 negative: the dispatcher loop tests `running`; when the inbox is
 * empty it waits once, and right after the wait it tests the inbox again
 * and goes back to the loop's test if it is still empty, before taking
 * anything. */
// expect-none
#include <pthread.h>
#include <stddef.h>

struct letter { struct letter *next; int to; };

struct inbox {
    pthread_mutex_t mu;
    pthread_cond_t arrived;
    struct letter *first;
    int running;
    long delivered;
};

static void *dispatcher(void *arg)
{
    struct inbox *in = arg;
    pthread_mutex_lock(&in->mu);
    while (in->running) {
        if (in->first == NULL)
            pthread_cond_wait(&in->arrived, &in->mu);
        if (in->first == NULL)
            continue;
        struct letter *l = in->first;
        in->first = l->next;
        in->delivered += l->to;
    }
    pthread_mutex_unlock(&in->mu);
    return NULL;
}

int main(void)
{
    static struct inbox in = { PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, NULL, 1, 0 };
    pthread_t t;
    pthread_create(&t, NULL, dispatcher, &in);
    pthread_mutex_lock(&in.mu);
    in.running = 0;
    pthread_cond_broadcast(&in.arrived);
    pthread_mutex_unlock(&in.mu);
    pthread_join(t, NULL);
    return 0;
}
