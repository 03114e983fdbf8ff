/* Pattern: a log writer thread started early, before the configuration
 * is parsed. It waits until main publishes the configuration (state
 * CONFIGURED under the lock), reads it, then reports RUNNING in the same
 * state word, which main waits for before it logs.
 * Verdict: race-free. The logger's wait comes before its own first
 * store of the state, so it saw main's store, made after the
 * configuration was written; main's wait for RUNNING orders nothing it
 * relies on (it touches only the lock-protected queue afterwards).
 */
// class: condvar-handshake
// expect-none
#include <pthread.h>
#include <stdio.h>
#include <string.h>

enum log_state { LOG_NEW, LOG_CONFIGURED, LOG_RUNNING };

struct log_config {
    char path[64];
    int level;
    int rotate_kb;
};

static struct log_config log_cfg;
static pthread_mutex_t log_mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t log_cv = PTHREAD_COND_INITIALIZER;
static enum log_state log_state;
static int queued;

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
    printf("logging to %s at level %d, rotate at %d kB\n", log_cfg.path, log_cfg.level, log_cfg.rotate_kb);
    log_set_state(LOG_RUNNING);
    pthread_mutex_lock(&log_mu);
    while (queued > 0)
        queued--;
    pthread_mutex_unlock(&log_mu);
    return NULL;
}

int main(int argc, char **argv)
{
    pthread_t t;
    if (pthread_create(&t, NULL, log_writer, NULL) != 0)
        return 1;
    strncpy(log_cfg.path, argc > 1 ? argv[1] : "/var/log/app.log", sizeof log_cfg.path - 1);
    log_cfg.level = 3;
    log_cfg.rotate_kb = 1024;
    log_set_state(LOG_CONFIGURED);
    log_wait_state(LOG_RUNNING);
    pthread_mutex_lock(&log_mu);
    queued += 10;
    pthread_mutex_unlock(&log_mu);
    pthread_join(t, NULL);
    return 0;
}
