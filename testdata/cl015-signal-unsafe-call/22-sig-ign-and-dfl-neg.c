/* CL015 negative: SIG_IGN and SIG_DFL are dispositions, not handlers;
 * the program's own printf calls run outside any handler. */
#include <signal.h>
#include <stdio.h>
#include <string.h>

// expect-none

int main(void)
{
    signal(SIGPIPE, SIG_IGN);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = SIG_DFL;
    sigaction(SIGCHLD, &sa, NULL);
    printf("ready\n");
    return 0;
}
