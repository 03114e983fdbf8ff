/* CL011 negative: a start helper returns the new handle through a
 * conditional expression whose test calls a function (`pthread_equal`);
 * the caller joins what it gets. The handle goes to the caller.
 */
// class: cancel-without-join
// expect-none
#include <pthread.h>

static void *work(void *arg) { return arg; }

static pthread_t start_or_self(pthread_t self)
{
    pthread_t t;
    if (pthread_create(&t, NULL, work, NULL) != 0)
        return self;
    return pthread_equal(t, self) ? self : t;
}

int main(void)
{
    pthread_t self = pthread_self();
    pthread_t t = start_or_self(self);
    if (!pthread_equal(t, self))
        pthread_join(t, NULL);
    return 0;
}
