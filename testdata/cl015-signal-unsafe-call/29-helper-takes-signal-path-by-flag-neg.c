/* CL015 negative, after redis's rdbRemoveTempFile(pid, from_signal): the
 * shutdown handler calls a cleanup helper shared with the main loop, with
 * a constant that selects its async-signal-safe path (unlink); the
 * branch that frees and logs runs only for the main loop's calls. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

// expect-none

static char *temp_path;

static void remove_temp_file(int from_signal)
{
    if (from_signal) {
        unlink("/tmp/app.tmp");
    } else {
        free(temp_path);
        temp_path = NULL;
        fprintf(stderr, "temp file removed\n");
    }
}

static void on_term(int sig)
{
    (void)sig;
    remove_temp_file(1);
    _exit(1);
}

int main(void)
{
    temp_path = malloc(64);
    signal(SIGTERM, on_term);
    pause();
    remove_temp_file(0);
    return 0;
}
