/* Neither rule: two threads set a volatile shutdown flag, each under the
 * control lock, and the poller reads it under the same lock; the volatile
 * is redundant but nothing races.
 */
// expect-none
#include <pthread.h>
#include <unistd.h>

static volatile int shutting_down;
static pthread_mutex_t ctl = PTHREAD_MUTEX_INITIALIZER;

static int should_stop(void)
{
    pthread_mutex_lock(&ctl);
    int s = shutting_down;
    pthread_mutex_unlock(&ctl);
    return s;
}

static void request_stop(void)
{
    pthread_mutex_lock(&ctl);
    shutting_down = 1;
    pthread_mutex_unlock(&ctl);
}

static void *watchdog(void *arg)
{
    (void)arg;
    sleep(30);
    request_stop();
    return NULL;
}

static void *serve(void *arg)
{
    (void)arg;
    while (!should_stop())
        if (write(1, ".", 1) < 0)
            request_stop();
    return NULL;
}

int main(void)
{
    pthread_t w, s;
    pthread_create(&w, NULL, watchdog, NULL);
    pthread_create(&s, NULL, serve, NULL);
    pthread_join(s, NULL);
    pthread_cancel(w);
    pthread_join(w, NULL);
    return 0;
}
