/* CL011 negative: a thread-creation wrapper starts the thread in one of
 * two ways (with a stack-size attribute or without) and tests the one
 * result afterwards; the handle goes to the caller, which joins it. A
 * failure of the other alternative's spawn is no later start: on any
 * path only one of them ran.
 */
// class: partial-start
// expect-none
#include <errno.h>
#include <pthread.h>
#include <stddef.h>

struct handle {
    pthread_t tid;
};

static int start_worker(struct handle *h, size_t stack, void *(*fn)(void *), void *arg)
{
    int res;
    if (stack != 0) {
        pthread_attr_t attr;
        res = pthread_attr_init(&attr);
        if (res == 0) {
            res = pthread_attr_setstacksize(&attr, stack);
            if (res == 0)
                res = pthread_create(&h->tid, &attr, fn, arg);
            pthread_attr_destroy(&attr);
        }
    } else {
        res = pthread_create(&h->tid, NULL, fn, arg);
    }
    if (res != 0) {
        errno = res;
        return 0;
    }
    return 1;
}

static void *serve(void *arg) { return arg; }

int main(int argc, char **argv)
{
    (void)argv;
    struct handle h;
    if (!start_worker(&h, argc > 1 ? 1 << 20 : 0, serve, NULL))
        return 1;
    pthread_join(h.tid, NULL);
    return 0;
}
