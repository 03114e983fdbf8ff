/* CL015 negative: a fatal-signal handler writes a fixed message with
 * write() and ends the process with _exit(): both are async-signal-safe. */
#include <signal.h>
#include <string.h>
#include <unistd.h>

// expect-none

static const char crash_msg[] = "fatal signal, exiting\n";

static void on_fatal(int sig)
{
    (void)sig;
    ssize_t n = write(STDERR_FILENO, crash_msg, strlen(crash_msg));
    (void)n;
    _exit(2);
}

int main(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_fatal;
    sigaction(SIGSEGV, &sa, NULL);
    sigaction(SIGBUS, &sa, NULL);
    pause();
    return 0;
}
