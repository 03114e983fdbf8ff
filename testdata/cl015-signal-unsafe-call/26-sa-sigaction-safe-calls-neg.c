/* CL015 negative: a SA_SIGINFO handler records the sender's pid into a
 * preallocated ring with memcpy() and notifies with kill()-free write():
 * only async-signal-safe calls and plain stores. */
#include <signal.h>
#include <string.h>
#include <unistd.h>

// expect-none

static volatile sig_atomic_t ring_head;
static pid_t ring[16];
static int notify_fd = -1;

static void on_child(int sig, siginfo_t *info, void *uctx)
{
    (void)sig;
    (void)uctx;
    pid_t pid = info->si_pid;
    memcpy(&ring[ring_head & 15], &pid, sizeof pid);
    ring_head = ring_head + 1;
    if (notify_fd >= 0) {
        ssize_t n = write(notify_fd, "c", 1);
        (void)n;
    }
}

int main(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_child;
    sa.sa_flags = SA_SIGINFO | SA_RESTART;
    sigaction(SIGCHLD, &sa, NULL);
    pause();
    return 0;
}
