/* Pattern: a logger with no mutex of its own: every writer takes the log
 * stream's lock with flockfile, writes a line in several calls, and bumps
 * the line and byte counters before funlockfile. The audit thread, a
 * nested writer, holds the stream's lock across a call of the same
 * logging helper (flockfile counts: the thread takes its own lock again).
 * Verdict: race-free. The counters are only touched under the lock of the
 * one stream `log_fp` points to.
 */
// class: recursive-and-typed-locks
// expect-none
#include <pthread.h>
#include <stdio.h>
#include <string.h>

static FILE *log_fp;
static unsigned long lines, bytes;

static void log_line(const char *who, const char *msg)
{
    flockfile(log_fp);
    fputs(who, log_fp);
    fputs(": ", log_fp);
    fputs(msg, log_fp);
    fputc('\n', log_fp);
    lines++;
    bytes += strlen(who) + strlen(msg) + 3;
    funlockfile(log_fp);
}

static void *request_thread(void *arg)
{
    for (int i = 0; i < 100; i++)
        log_line(arg, "request served");
    return NULL;
}

static void *audit_thread(void *arg)
{
    (void)arg;
    flockfile(log_fp);
    log_line("audit", "begin");
    if (lines > 1000)
        log_line("audit", "log is long");
    log_line("audit", "end");
    funlockfile(log_fp);
    return NULL;
}

int main(void)
{
    pthread_t a, b, c;
    log_fp = stderr;
    pthread_create(&a, NULL, request_thread, "worker-1");
    pthread_create(&b, NULL, request_thread, "worker-2");
    pthread_create(&c, NULL, audit_thread, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    pthread_join(c, NULL);
    printf("%lu lines, %lu bytes\n", lines, bytes);
    return 0;
}
