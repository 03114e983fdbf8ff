/* CL015 positive: the SIGHUP handler asks for a reload, and the reload
 * path logs with syslog() two project calls further down: syslog formats
 * with stdio and takes its own lock. */
#include <signal.h>
#include <string.h>
#include <syslog.h>
#include <unistd.h>

static volatile sig_atomic_t reload_pending;

static void note_event(const char *what)
{
    syslog(LOG_NOTICE, "%s", what);
}

static void schedule_reload(void)
{
    reload_pending = 1;
    note_event("reload scheduled");
}

static void on_hangup(int sig)
{
    (void)sig;
    schedule_reload(); // expect: CL015 {{calls 'schedule_reload', which calls 'syslog'}}
    // expect-flow@-1: CL015 {{calls 'schedule_reload'}} {{calls 'note_event'}} {{calls 'syslog', not async-signal-safe}}
}

int main(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_hangup;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGHUP, &sa, NULL);
    for (;;) {
        pause();
        if (reload_pending)
            reload_pending = 0;
    }
}
