/* CL010 positive: the dispatcher holds the registry lock while it waits
 * on the queue's condition variable; the wait releases only the queue
 * mutex, so the registry stays locked for the whole wait. */
#include <pthread.h>

struct queue { pthread_mutex_t m; pthread_cond_t cv; int n; };

static pthread_mutex_t registry_lock = PTHREAD_MUTEX_INITIALIZER;
static struct queue q = { PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, 0 };
static int registered;

static void *dispatcher(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&registry_lock);
    pthread_mutex_lock(&q.m);
    while (q.n == 0)
        pthread_cond_wait(&q.cv, &q.m); // expect: CL010 {{keeps 'registry_lock' held while it waits}}
    q.n--;
    registered++;
    pthread_mutex_unlock(&q.m);
    pthread_mutex_unlock(&registry_lock);
    return NULL;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, dispatcher, NULL);
    pthread_mutex_lock(&q.m);
    q.n = 1;
    pthread_cond_signal(&q.cv);
    pthread_mutex_unlock(&q.m);
    pthread_join(t, NULL);
    return registered;
}
