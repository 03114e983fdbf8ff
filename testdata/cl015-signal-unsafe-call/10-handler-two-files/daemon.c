/* CL015 two-file case: the daemon installs on_status for SIGUSR1, which
 * calls the reporter in report.c. */
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "report.h"

static void on_status(int sig)
{
    (void)sig;
    report_status("SIGUSR1"); // expect: CL015 {{calls 'report_status', which calls 'snprintf'}}
    // expect-flow@-1: CL015 {{calls 'report_status'}} {{calls 'snprintf', not async-signal-safe}}
}

int main(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_status;
    sigaction(SIGUSR1, &sa, NULL);
    for (;;)
        pause();
}
