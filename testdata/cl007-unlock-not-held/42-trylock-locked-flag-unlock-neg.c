/* CL007 negative (a flush on shutdown that may run without the lock): the
 * retry gives up with a `locked` flag left at 0 and the unlock is under
 * that flag, as in rsyslog's and many daemons' shutdown paths.
 */
// class: trylock-failed-path
// expect-none
#include <pthread.h>
#include <unistd.h>

static pthread_mutex_t out_lock = PTHREAD_MUTEX_INITIALIZER;
static int flushed;

static void flush_on_exit(void)
{
    int locked = 0;
    for (int i = 0; i < 10 && !locked; i++) {
        if (pthread_mutex_trylock(&out_lock) == 0)
            locked = 1;
        else
            usleep(1000);
    }
    __atomic_store_n(&flushed, 1, __ATOMIC_RELEASE);
    if (locked)
        pthread_mutex_unlock(&out_lock);
}

static void *flusher(void *arg)
{
    flush_on_exit();
    return arg;
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, NULL, flusher, NULL);
    pthread_create(&b, NULL, flusher, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    return 0;
}
