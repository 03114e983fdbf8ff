/* Pattern: a logging module takes its mutex through a global pointer the
 * initialization sets (`log_lock = &default_log_mutex`), while the main
 * thread's shutdown code locks the same mutex by name.
 * Verdict: race-free. Both sides hold one mutex: the pointer names it
 * wherever it is assigned.
 */
// class: alias-global-pointer
// expect-none
#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t default_log_mutex = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t *log_lock;
static unsigned long lines_written;

static void log_init(void)
{
    log_lock = &default_log_mutex;
}

static void log_line(const char *msg)
{
    pthread_mutex_lock(log_lock);
    fputs(msg, stderr);
    lines_written++;
    pthread_mutex_unlock(log_lock);
}

static void *worker(void *arg)
{
    (void)arg;
    for (int i = 0; i < 10; i++)
        log_line("tick\n");
    return NULL;
}

int main(void)
{
    pthread_t t;
    log_init();
    if (pthread_create(&t, NULL, worker, NULL) != 0)
        return 1;
    pthread_mutex_lock(&default_log_mutex);
    unsigned long n = lines_written;
    pthread_mutex_unlock(&default_log_mutex);
    pthread_join(t, NULL);
    return n > 10;
}
