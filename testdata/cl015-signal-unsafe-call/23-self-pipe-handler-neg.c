/* CL015 negative: the self-pipe trick. The handler saves errno, writes
 * the signal number to a pipe the event loop polls, and restores errno;
 * the loop reads it and does the real work. */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <unistd.h>

// expect-none

static int sig_pipe[2];

static void on_signal(int sig)
{
    int saved = errno;
    unsigned char b = (unsigned char)sig;
    ssize_t n = write(sig_pipe[1], &b, 1);
    (void)n;
    errno = saved;
}

int main(void)
{
    if (pipe(sig_pipe) != 0)
        return 1;
    signal(SIGCHLD, on_signal);
    signal(SIGHUP, on_signal);
    struct pollfd p = { .fd = sig_pipe[0], .events = POLLIN };
    for (;;) {
        if (poll(&p, 1, -1) > 0) {
            unsigned char b;
            if (read(sig_pipe[0], &b, 1) == 1)
                printf("signal %d\n", b);
        }
    }
}
