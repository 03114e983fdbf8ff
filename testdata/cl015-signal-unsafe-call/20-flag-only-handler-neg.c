/* CL015 negative: the handler only sets a volatile sig_atomic_t flag;
 * the main loop does the logging (printf, malloc) when it sees it. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

// expect-none

static volatile sig_atomic_t stop;

static void on_term(int sig)
{
    (void)sig;
    stop = 1;
}

int main(void)
{
    signal(SIGTERM, on_term);
    signal(SIGINT, on_term);
    while (!stop) {
        char *buf = malloc(64);
        free(buf);
        pause();
    }
    printf("shutting down\n");
    return 0;
}
