/* CL015 positive: the SIGTERM handler ends the process with exit(), which
 * runs atexit handlers and flushes stdio streams the interrupted code may
 * be in the middle of writing; _exit() is the async-signal-safe exit. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static FILE *journal;

static void close_journal(void)
{
    if (journal != NULL)
        fclose(journal);
}

static void on_term(int sig)
{
    (void)sig;
    exit(1); // expect: CL015 {{calls 'exit', which is not async-signal-safe}}
}

int main(void)
{
    journal = fopen("/tmp/journal", "a");
    atexit(close_journal);
    signal(SIGTERM, on_term);
    for (;;) {
        fprintf(journal, "tick\n");
        sleep(1);
    }
}
