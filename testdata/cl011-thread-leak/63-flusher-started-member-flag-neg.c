/* CL011 negative: a log module's write function, called for every record,
 * starts the background flusher on first use; the flag is a member of the
 * module's static state, set inside the branch that starts the thread, so
 * the global handle is written once. log_close() joins it.
 */
// expect-none
#include <pthread.h>
#include <stdio.h>

static struct {
    int flusher_on;
    int closing;
    pthread_mutex_t mu;
} logst = { 0, 0, PTHREAD_MUTEX_INITIALIZER };
static pthread_t flusher;

static void *flush_loop(void *arg)
{
    for (;;) {
        pthread_mutex_lock(&logst.mu);
        int done = logst.closing;
        pthread_mutex_unlock(&logst.mu);
        if (done)
            return arg;
        fflush(stderr);
    }
}

void log_write(const char *msg)
{
    pthread_mutex_lock(&logst.mu);
    if (!logst.flusher_on) {
        logst.flusher_on = 1;
        pthread_create(&flusher, NULL, flush_loop, NULL);
    }
    pthread_mutex_unlock(&logst.mu);
    fputs(msg, stderr);
}

void log_lines(char **lines, int n)
{
    for (int i = 0; i < n; i++)
        log_write(lines[i]);
}

void log_close(void)
{
    pthread_mutex_lock(&logst.mu);
    logst.closing = 1;
    int on = logst.flusher_on;
    pthread_mutex_unlock(&logst.mu);
    if (on)
        pthread_join(flusher, NULL);
}
