/* CL015 negative: the program has a logger full of unsafe calls and a
 * handler, but the handler never reaches the logger: only the main loop
 * calls it, after seeing the flag. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <syslog.h>

// expect-none

static volatile sig_atomic_t reload;

static void log_reload(void)
{
    char *msg = malloc(32);
    if (msg != NULL) {
        snprintf(msg, 32, "reloading");
        syslog(LOG_INFO, "%s", msg);
        free(msg);
    }
}

static void on_hup(int sig)
{
    (void)sig;
    reload = 1;
}

int main(void)
{
    signal(SIGHUP, on_hup);
    for (;;) {
        if (reload) {
            reload = 0;
            log_reload();
        }
    }
}
