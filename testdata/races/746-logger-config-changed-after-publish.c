/* Pattern: the log writer of 745, but main adjusts the level after it
 * published the configuration (a command-line override applied late).
 * Verdict: racy. The logger may read the level while main rewrites it:
 * the write follows main's store of CONFIGURED, so the logger's wait
 * does not order it.
 */
// class: condvar-handshake
#include <pthread.h>
#include <stdio.h>

enum log_state { LOG_NEW, LOG_CONFIGURED, LOG_RUNNING };

struct log_config {
    int level;
    int rotate_kb;
};

static struct log_config log_cfg;
static pthread_mutex_t log_mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t log_cv = PTHREAD_COND_INITIALIZER;
static enum log_state log_state;

static void log_set_state(enum log_state st)
{
    pthread_mutex_lock(&log_mu);
    log_state = st;
    pthread_cond_broadcast(&log_cv);
    pthread_mutex_unlock(&log_mu);
}

static void log_wait_state(enum log_state st)
{
    pthread_mutex_lock(&log_mu);
    while (log_state != st)
        pthread_cond_wait(&log_cv, &log_mu);
    pthread_mutex_unlock(&log_mu);
}

static void *log_writer(void *arg)
{
    (void)arg;
    log_wait_state(LOG_CONFIGURED);
    printf("level %d, rotate at %d kB\n", log_cfg.level, log_cfg.rotate_kb); // expect: CL002
    log_set_state(LOG_RUNNING);
    return NULL;
}

int main(int argc, char **argv)
{
    pthread_t t;
    (void)argv;
    if (pthread_create(&t, NULL, log_writer, NULL) != 0)
        return 1;
    log_cfg.rotate_kb = 1024;
    log_set_state(LOG_CONFIGURED);
    if (argc > 2)
        log_cfg.level = 5;
    log_wait_state(LOG_RUNNING);
    pthread_join(t, NULL);
    return 0;
}
