/* CL015 positive: a crash handler logs three lines through the same
 * helper and then prints with fputs: one finding per function the handler
 * calls (the helper's three calls are one defect), each at its first call. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void crash_log(const char *what)
{
    char *line = strdup(what);
    if (line != NULL) {
        fprintf(stderr, "%s\n", line);
        free(line);
    }
}

static void on_crash(int sig)
{
    crash_log("=== crash ==="); // expect: CL015 {{calls 'crash_log', which calls 'strdup'}}
    crash_log(sig == SIGSEGV ? "segmentation fault" : "bus error");
    crash_log("=== end ===");
    fputs("bye\n", stderr); // expect: CL015 {{calls 'fputs', which is not async-signal-safe}}
    abort();
}

int main(void)
{
    struct sigaction sa = { .sa_handler = on_crash };
    sigaction(SIGSEGV, &sa, NULL);
    sigaction(SIGBUS, &sa, NULL);
    char *volatile p = NULL;
    return *p;
}
