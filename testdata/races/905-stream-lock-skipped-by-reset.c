/* Pattern: the twin of 904: the writers count lines under the log
 * stream's lock (flockfile), but the rotation thread resets the counter
 * after funlockfile, without the lock.
 * Verdict: racy, on `lines`, between the rotation thread's reset and the
 * writers' increment under the stream lock.
 */
// class: recursive-and-typed-locks
#include <pthread.h>
#include <stdio.h>

static FILE *log_fp;
static unsigned long lines;

static void log_line(const char *msg)
{
    flockfile(log_fp);
    fputs(msg, log_fp);
    fputc('\n', log_fp);
    lines++; // expect-related: CL002 {{conflicting}}
    funlockfile(log_fp);
}

static void *writer(void *arg)
{
    for (int i = 0; i < 100; i++)
        log_line(arg);
    return NULL;
}

static void *rotator(void *arg)
{
    (void)arg;
    flockfile(log_fp);
    fflush(log_fp);
    funlockfile(log_fp);
    lines = 0; // expect: CL002 {{'lines'}}
    return NULL;
}

int main(void)
{
    pthread_t a, b;
    log_fp = stderr;
    pthread_create(&a, NULL, writer, "line");
    pthread_create(&b, NULL, rotator, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    return 0;
}
