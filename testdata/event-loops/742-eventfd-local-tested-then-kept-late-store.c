// A timer-wheel thread running a libevent base, woken through an eventfd
// that init keeps in the wheel only after testing it (`int efd =
// eventfd(..); if (efd < 0) ...; wh->efd = efd;`). Main stores the
// new expiry after adding 1 to the eventfd counter: the read handler
// can re-arm from the expiry while main writes it.
#include <event2/event.h>
#include <pthread.h>
#include <stdint.h>
#include <sys/eventfd.h>
#include <unistd.h>

struct wheel {
    pthread_t tid;
    struct event_base *base;
    int efd;
    long next_expiry;
    long armed;
};

static struct wheel wheel;

static void on_wake(evutil_socket_t fd, short what, void *arg)
{
    struct wheel *wh = arg;
    uint64_t n;
    (void)what;
    if (read(fd, &n, sizeof n) == sizeof n)
        wh->armed = wh->next_expiry; // expect: CL002
}

static void *wheel_main(void *arg)
{
    struct wheel *wh = arg;
    event_base_dispatch(wh->base);
    return NULL;
}

static int wheel_init(struct wheel *wh)
{
    int efd = eventfd(0, EFD_NONBLOCK);
    if (efd < 0)
        return -1;
    wh->efd = efd;
    wh->base = event_base_new();
    event_add(event_new(wh->base, wh->efd, EV_READ | EV_PERSIST, on_wake, wh), NULL);
    return 0;
}

int main(void)
{
    uint64_t one = 1;
    if (wheel_init(&wheel) != 0)
        return 1;
    pthread_create(&wheel.tid, NULL, wheel_main, &wheel);
    if (write(wheel.efd, &one, sizeof one) != sizeof one)
        return 1;
    wheel.next_expiry = 250;
    pthread_join(wheel.tid, NULL);
    return 0;
}
