/* CL009 positive: a flusher waits at most a second for data with a
 * timed wait under `if`, then flushes assuming the buffer is non-empty. */
#include <pthread.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static pthread_mutex_t buf_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t buf_nonempty = PTHREAD_COND_INITIALIZER;
static char buf[4096];
static size_t buf_len;
static int stop;

static void *flusher(void *arg)
{
    (void)arg;
    for (int done = 0; !done;) {
        struct timespec ts;
        clock_gettime(CLOCK_REALTIME, &ts);
        ts.tv_sec += 1;
        pthread_mutex_lock(&buf_lock);
        if (buf_len == 0)
            pthread_cond_timedwait(&buf_nonempty, &buf_lock, &ts); // expect: CL009
        buf_len = 0;
        done = stop;
        pthread_mutex_unlock(&buf_lock);
    }
    return NULL;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, flusher, NULL);
    pthread_mutex_lock(&buf_lock);
    memcpy(buf, "hello", 5);
    buf_len = 5;
    stop = 1;
    pthread_cond_signal(&buf_nonempty);
    pthread_mutex_unlock(&buf_lock);
    pthread_join(t, NULL);
    return 0;
}
