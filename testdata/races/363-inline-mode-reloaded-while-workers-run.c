/* Pattern: the optional pool of 360, with a reload: after starting the
 * workers, main re-reads the configuration (here: drops to one thread
 * when the load is low) and goes on logging through the shared helper,
 * while the workers it started are still running.
 * Verdict: racy. After the reload main takes the unlocked branch of
 * `log_line` while the workers, started under `threads != 1`, take the
 * locked one: `lines` is updated with no common lock.
 */
#include <pthread.h>
#include <stdlib.h>

// class: mode-global-fields

struct config {
    int threads;
};

static struct config *conf;
static long lines;
static pthread_mutex_t log_lock = PTHREAD_MUTEX_INITIALIZER;

static void log_line(void)
{
    if (conf->threads == 1) { // expect: CL002 {{read of 'conf->threads'}}
        lines++; // expect: CL002 {{races with write in 'log_line'}}
        return;
    }
    pthread_mutex_lock(&log_lock);
    lines++;
    pthread_mutex_unlock(&log_lock);
}

static void *worker_main(void *arg)
{
    (void)arg;
    for (;;)
        log_line();
    return NULL;
}

int main(int argc, char **argv)
{
    static struct config c;
    pthread_t t[2];

    c.threads = argc > 1 ? atoi(argv[1]) : 1;
    conf = &c;
    if (conf->threads == 1) {
        log_line();
        return 0;
    }
    for (int i = 0; i < 2; i++)
        pthread_create(&t[i], NULL, worker_main, NULL);
    conf->threads = 1;
    log_line();
    return 0;
}
