/* Pattern: a logger that starts a flusher thread only in threaded mode;
 * main logs too, and the append function locks only in threaded mode.
 * Verdict: race-free. With `log_threaded` off there is no flusher, and
 * main is the only thread appending; with it on, both take log_lock.
 */
// class: conditional-locking
// expect-none
#include <pthread.h>
#include <stdlib.h>

static int log_threaded;
static pthread_mutex_t log_lock = PTHREAD_MUTEX_INITIALIZER;
static long log_len;

static void log_append(long n)
{
    if (log_threaded)
        pthread_mutex_lock(&log_lock);
    log_len += n;
    if (log_threaded)
        pthread_mutex_unlock(&log_lock);
}

static void *flusher(void *arg)
{
    for (int i = 0; i < 100; i++)
        log_append(-1);
    return arg;
}

int main(int argc, char **argv)
{
    pthread_t t;
    (void)argv;
    log_threaded = argc > 1;
    if (log_threaded)
        pthread_create(&t, NULL, flusher, NULL);
    for (int i = 0; i < 100; i++)
        log_append(2);
    if (log_threaded)
        pthread_join(t, NULL);
    return (int)(log_len & 1);
}
