/* CL010 negative: redis's module GIL (server.c, module.c): the main
 * thread takes the GIL in the event loop's after-sleep callback and
 * releases it in the before-sleep one, so every command runs "under" it;
 * it is the main thread's running state, not a critical section around
 * the fsync a command does. A module thread takes it to call in. */
// expect-none
#include <pthread.h>
#include <unistd.h>

static pthread_mutex_t gil = PTHREAD_MUTEX_INITIALIZER;
static int aof_fd = 1, stop, calls;

static void acquire_gil(void) { pthread_mutex_lock(&gil); }
static void release_gil(void) { pthread_mutex_unlock(&gil); }

static void before_sleep(void) { release_gil(); }
static void after_sleep(void) { acquire_gil(); }

static void flush_append_only_file(void)
{
    fsync(aof_fd);
}

static void process_events(void)
{
    before_sleep();
    usleep(1000);              /* stands for epoll_wait */
    after_sleep();
    flush_append_only_file();
}

static void *module_thread(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&gil);
    calls++;
    pthread_mutex_unlock(&gil);
    return NULL;
}

int main(void)
{
    pthread_t t;
    acquire_gil();
    pthread_create(&t, NULL, module_thread, NULL);
    for (int i = 0; i < 10 && !stop; i++)
        process_events();
    release_gil();
    pthread_join(t, NULL);
    return 0;
}
