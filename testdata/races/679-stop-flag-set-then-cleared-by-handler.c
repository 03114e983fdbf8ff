/* Pattern: a server's `running` flag, set to 1 in main before the worker
 * starts and cleared by the SIGTERM handler; the worker polls it and, on
 * the way out, adds to a total that main also updates while the worker
 * runs. (The flag is set with two values, so the worker's test of it is
 * not decided by the `running = 1` main ran before the spawn.)
 * Verdict: racy. The worker's final `shared_total++` and main's run at
 * the same time with no lock.
 */
// class: conditional-locking
#include <pthread.h>
#include <signal.h>
#include <unistd.h>

static volatile sig_atomic_t running;
static long shared_total;

static void on_term(int sig)
{
    (void)sig;
    running = 0;
}

static void *worker(void *arg)
{
    for (;;) {
        if (!running)
            break;
        sleep(1);
    }
    shared_total++; // expect: CL002
    return arg;
}

int main(void)
{
    pthread_t t;
    signal(SIGTERM, on_term);
    running = 1;
    pthread_create(&t, NULL, worker, NULL);
    shared_total++;
    pthread_join(t, NULL);
    return (int)(shared_total & 1);
}
