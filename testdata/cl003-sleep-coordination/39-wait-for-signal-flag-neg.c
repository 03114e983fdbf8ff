/* CL003 negative: a daemon's main thread starts its workers and then
 * sleeps in a loop until a signal handler sets `got_term` (the common
 * `while (!stop) sleep(1);` of daemons without sigwait). No thread writes
 * the flag, so the loop waits for a signal, not for another thread; the
 * workers are stopped and joined after it.
 */
// expect-none
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <unistd.h>

static volatile sig_atomic_t got_term;
static atomic_bool workers_stop;

void handle_request(void);               /* server.c */

static void on_term(int sig)
{
    (void)sig;
    got_term = 1;
}

static void *worker(void *arg)
{
    (void)arg;
    while (!atomic_load(&workers_stop))
        handle_request();
    return NULL;
}

int main(void)
{
    pthread_t tid;
    signal(SIGTERM, on_term);
    if (pthread_create(&tid, NULL, worker, NULL) != 0)
        return 1;
    while (!got_term)
        sleep(1);
    atomic_store(&workers_stop, 1);
    return pthread_join(tid, NULL);
}
