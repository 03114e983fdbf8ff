/* CL006 positive: an event bus runs subscriber callbacks while holding the
 * bus lock; one subscriber calls bus_publish(), which takes the bus lock
 * again (the mosquitto #1090 shape: an API called from inside a callback).
 */
#include <pthread.h>

struct bus;
typedef void (*handler_fn)(struct bus *b, int ev);
struct bus { pthread_mutex_t lock; handler_fn handlers[4]; int nhandlers, events; };

static struct bus bus = { .lock = PTHREAD_MUTEX_INITIALIZER };

static void bus_publish(struct bus *b, int ev);

static void on_login(struct bus *b, int ev)
{
    if (ev == 1)
        bus_publish(b, 2);
}

static void bus_dispatch(struct bus *b, int ev)
{
    pthread_mutex_lock(&b->lock);
    b->events++;
    on_login(b, ev); // expect: CL006 {{while 'bus_dispatch' holds it}}
    pthread_mutex_unlock(&b->lock);
}

static void bus_publish(struct bus *b, int ev)
{
    pthread_mutex_lock(&b->lock);
    b->events += ev;
    pthread_mutex_unlock(&b->lock);
}

static void *session(void *arg)
{
    bus_dispatch(&bus, 1);
    return arg;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, session, NULL);
    pthread_join(t, NULL);
    return 0;
}
