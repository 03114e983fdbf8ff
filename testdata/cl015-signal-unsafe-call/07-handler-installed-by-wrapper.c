/* CL015 positive: install_handler() wraps sigaction() and takes the
 * handler as a parameter (curl's test servers and many daemons do this);
 * the handler it is given calls fprintf(). */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static volatile sig_atomic_t got_signal;

static void install_handler(int sig, void (*fn)(int))
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = fn;
    sigemptyset(&sa.sa_mask);
    sigaction(sig, &sa, NULL);
}

static void on_quit(int sig)
{
    fprintf(stderr, "caught signal %d\n", sig); // expect: CL015 {{signal handler 'on_quit' calls 'fprintf'}}
    got_signal = 1;
}

int main(void)
{
    install_handler(SIGQUIT, on_quit); // expect-related: CL015 {{installed as a signal handler here}}
    while (!got_signal)
        pause();
    return 0;
}
