/* CL015 positive: a SIGINT handler installed with signal() prints a
 * statistics line with printf(): stdio locks the stream and may allocate,
 * so a signal that lands inside the main loop's own printf deadlocks. */
#include <signal.h>
#include <stdio.h>
#include <unistd.h>

static volatile sig_atomic_t done;
static long processed;

static void on_interrupt(int sig)
{
    (void)sig;
    printf("interrupted after %ld records\n", processed); // expect: CL015 {{signal handler 'on_interrupt' calls 'printf', which is not async-signal-safe}}
    done = 1;
}

int main(void)
{
    signal(SIGINT, on_interrupt);
    while (!done) {
        processed++;
        printf("record %ld\n", processed);
        pause();
    }
    return 0;
}
