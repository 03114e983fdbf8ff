/* CL015 positive: a SA_SIGINFO handler (sa_sigaction) records the sender
 * of each SIGUSR1 in a freshly allocated node: malloc in a handler. */
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct sender { pid_t pid; struct sender *next; };

static struct sender *senders;

static void on_usr1(int sig, siginfo_t *info, void *uctx)
{
    (void)sig;
    (void)uctx;
    struct sender *s = malloc(sizeof *s); // expect: CL015 {{signal handler 'on_usr1' calls 'malloc'}}
    if (s == NULL)
        return;
    s->pid = info->si_pid;
    s->next = senders;
    senders = s;
}

int main(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_usr1;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGUSR1, &sa, NULL);
    for (int i = 0; i < 10; i++)
        pause();
    return senders != NULL;
}
