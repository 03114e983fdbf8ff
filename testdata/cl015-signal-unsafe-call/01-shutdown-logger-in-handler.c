/* CL015 positive, from shared case 15 (babelouest/glewlwyd issue #103,
 * h2o/h2o PR #799): the SIGTERM handler calls the program's logger, which
 * uses malloc() and stdio. If the signal lands while the main loop is
 * inside malloc(), the handler blocks on the allocator's lock forever.
 * The volatile sig_atomic_t flag itself is the correct idiom. */
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static volatile sig_atomic_t stop_requested;

static void log_msg(const char *fmt, ...)
{
    char *line = malloc(256); // expect-related: CL015 {{'malloc' called here}}
    if (line == NULL)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(line, 256, fmt, ap);
    va_end(ap);
    fprintf(stderr, "%s\n", line);
    free(line);
}

static void on_terminate(int sig)
{
    log_msg("signal %d received, shutting down", sig); // expect: CL015 {{signal handler 'on_terminate' calls 'log_msg', which calls 'malloc' (at line 16), not async-signal-safe}}
    // expect-flow@-1: CL015 {{signal handler 'on_terminate'}} {{calls 'log_msg'}} {{calls 'malloc', not async-signal-safe}}
    stop_requested = 1;
}

int main(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_terminate;
    sigaction(SIGTERM, &sa, NULL); // expect-related: CL015 {{'on_terminate' installed as a signal handler here}}
    while (!stop_requested) {
        char *row = malloc(64);
        free(row);
    }
    log_msg("bye");
    return 0;
}
