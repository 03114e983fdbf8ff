/* CL013 negative: the standard `volatile sig_atomic_t` idiom. The SIGTERM
 * handler sets the flag on the thread it interrupts, which polls it: a
 * single-threaded program, signals and not threads, which is what
 * sig_atomic_t is for.
 * From shared case 15 (its volatile-as-sync expectation), source:
 * babelouest/glewlwyd issue #103 (also h2o/h2o PR #799).
 */
// expect-none
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static volatile sig_atomic_t stop_requested;

static void on_terminate(int sig)
{
    (void)sig;
    stop_requested = 1;
}

int main(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_terminate;
    sigaction(SIGTERM, &sa, NULL);
    while (!stop_requested) {
        char *row = malloc(64);
        free(row);
    }
    (void)write(2, "bye\n", 4);
    return 0;
}
