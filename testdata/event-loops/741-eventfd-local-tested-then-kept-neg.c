// A timer-wheel thread running a libevent base, woken through an eventfd
// that init keeps in the wheel only after testing it (`int efd =
// eventfd(..); if (efd < 0) ...; wh->efd = efd;`). Producers store the
// new expiry, then add 1 to the eventfd counter; the read handler
// re-arms from the expiry. Race-free: the handler runs after the write.
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

static void on_wake(evutil_socket_t fd, short what, void *arg) // expect-none
{
    struct wheel *wh = arg;
    uint64_t n;
    (void)what;
    if (read(fd, &n, sizeof n) == sizeof n)
        wh->armed = wh->next_expiry;
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
    wheel.next_expiry = 250;
    if (write(wheel.efd, &one, sizeof one) != sizeof one)
        return 1;
    pthread_join(wheel.tid, NULL);
    return 0;
}
