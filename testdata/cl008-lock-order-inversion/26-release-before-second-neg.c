/* CL008 negative: the twin of 03: the rotator copies the session count
 * out of the lock before taking log_lock, so the locks never nest in the
 * opposite order. */
// expect-none
#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t sess_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t log_lock = PTHREAD_MUTEX_INITIALIZER;
static int nsessions;
static FILE *logf;

static void log_event(const char *what)
{
    pthread_mutex_lock(&log_lock);
    if (logf != NULL)
        fputs(what, logf);
    pthread_mutex_unlock(&log_lock);
}

static int session_count(void)
{
    pthread_mutex_lock(&sess_lock);
    int n = nsessions;
    pthread_mutex_unlock(&sess_lock);
    return n;
}

static void *session_thread(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&sess_lock);
    nsessions++;
    log_event("session opened\n");
    pthread_mutex_unlock(&sess_lock);
    return NULL;
}

static void *rotator(void *arg)
{
    (void)arg;
    int n = session_count();
    pthread_mutex_lock(&log_lock);
    fprintf(logf != NULL ? logf : stderr, "rotating with %d sessions\n", n);
    pthread_mutex_unlock(&log_lock);
    return NULL;
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, NULL, session_thread, NULL);
    pthread_create(&b, NULL, rotator, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    return 0;
}
