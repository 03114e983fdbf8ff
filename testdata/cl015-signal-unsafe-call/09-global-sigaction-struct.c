/* CL015 positive: the program keeps its struct sigaction in a global and
 * fills the handler in at start-up; the handler reopens the log file with
 * fopen() (the classic SIGHUP log rotation done in the handler). */
#include <signal.h>
#include <stdio.h>
#include <unistd.h>

static struct sigaction hup_action;
static FILE *logf;

static void on_rotate(int sig)
{
    (void)sig;
    if (logf != NULL)
        fclose(logf); // expect: CL015 {{signal handler 'on_rotate' calls 'fclose'}}
    logf = fopen("/var/log/app.log", "a"); // expect: CL015 {{calls 'fopen'}}
}

int main(void)
{
    hup_action.sa_handler = on_rotate;
    sigaction(SIGHUP, &hup_action, NULL);
    for (;;)
        pause();
}
