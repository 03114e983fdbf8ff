/* CL015 positive: the handler is set with a designated initializer
 * (`struct sigaction sa = { .sa_handler = ... }`, as knot and fio do) and
 * frees the pending buffer: free() takes the allocator's lock. */
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>

static char *pending;

static void on_alarm(int sig)
{
    (void)sig;
    free(pending); // expect: CL015 {{signal handler 'on_alarm' calls 'free'}}
    pending = NULL;
}

int main(void)
{
    struct sigaction sa = { .sa_handler = on_alarm };
    sigaction(SIGALRM, &sa, NULL);
    pending = malloc(4096);
    alarm(5);
    pause();
    return 0;
}
