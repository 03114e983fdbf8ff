/* CL006 negative: the critical section ends before the helper that locks
 * again is called.
 */
// expect-none
#include <pthread.h>

static pthread_mutex_t bus_lock = PTHREAD_MUTEX_INITIALIZER;
static int events;

static void publish(int ev)
{
    pthread_mutex_lock(&bus_lock);
    events += ev;
    pthread_mutex_unlock(&bus_lock);
}

static void *dispatcher(void *arg)
{
    pthread_mutex_lock(&bus_lock);
    int n = events;
    pthread_mutex_unlock(&bus_lock);
    if (n > 0)
        publish(1);
    return arg;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, dispatcher, NULL);
    publish(2);
    pthread_join(t, NULL);
    return 0;
}
