/* Pattern: a signal handler switches the run mode; main stores the normal
 * mode and later tests for the drain mode to start a drainer.
 * Verdict: racy: the handler can have run in between, so the drainer can
 * start and its update of total races with main's. A global a handler
 * writes is no mode.
 */
// class: stored-mode
#include <pthread.h>
#include <signal.h>
#include <unistd.h>
enum { RUN_NORMAL, RUN_DRAIN };
static volatile sig_atomic_t run_mode;
static long total;

static void on_term(int sig)
{
    (void)sig;
    run_mode = RUN_DRAIN;
}

static void *drainer(void *arg)
{
    (void)arg;
    total += 1; // expect: CL002
    return NULL;
}

int main(void)
{
    pthread_t t;
    run_mode = RUN_NORMAL;
    signal(SIGTERM, on_term);
    sleep(1);
    if (run_mode == RUN_DRAIN) {
        if (pthread_create(&t, NULL, drainer, NULL) == 0)
            pthread_detach(t);
    }
    total = 7;
    return 0;
}
