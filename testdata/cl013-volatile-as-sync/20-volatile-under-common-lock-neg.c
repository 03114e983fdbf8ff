/* CL013 negative: the stop flag is volatile (needlessly), but every access
 * holds `ctl_lock`: the lock orders the store and the reads, so volatile is
 * not what synchronizes the threads.
 */
// expect-none
#include <pthread.h>
#include <stdbool.h>
#include <unistd.h>

static pthread_mutex_t ctl_lock = PTHREAD_MUTEX_INITIALIZER;
static volatile bool g_stopping;

static bool stopping(void)
{
    pthread_mutex_lock(&ctl_lock);
    bool s = g_stopping;
    pthread_mutex_unlock(&ctl_lock);
    return s;
}

static void *flusher(void *arg)
{
    (void)arg;
    while (!stopping())
        (void)fsync(1);
    return NULL;
}

int main(void)
{
    pthread_t t;
    if (pthread_create(&t, NULL, flusher, NULL) != 0)
        return 1;
    sleep(1);
    pthread_mutex_lock(&ctl_lock);
    g_stopping = true;
    pthread_mutex_unlock(&ctl_lock);
    pthread_join(t, NULL);
    return 0;
}
