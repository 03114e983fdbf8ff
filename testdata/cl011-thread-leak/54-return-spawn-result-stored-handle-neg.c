/* CL011 negative: a helper returns pthread_create()'s result, but the
 * handle lives in the caller's object, which joins it later.
 */
// expect-none
#include <pthread.h>

struct service {
    pthread_t tid;
    int ticks;
};

static void *tick(void *arg)
{
    struct service *s = arg;
    s->ticks = 1;
    return NULL;
}

static int service_start(struct service *s)
{
    return pthread_create(&s->tid, NULL, tick, s);
}

static void service_stop(struct service *s)
{
    pthread_join(s->tid, NULL);
}

int main(void)
{
    struct service s = { 0 };
    if (service_start(&s) != 0)
        return 1;
    service_stop(&s);
    return s.ticks;
}
