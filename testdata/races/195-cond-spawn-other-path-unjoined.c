/* Pattern: one of two threads is created depending on an option, but only
 * the first one's handle is joined.
 * Verdict: racy. When `quiet` is set the compact logger is started into
 * `alt` and never joined (main joins `t`, which then holds no thread);
 * the logger's unlocked write to `lines_out` races with main's read.
 */
// class: join-coverage
#include <pthread.h>
#include <stdio.h>
#include <string.h>

static long lines_out;

static void *verbose_logger(void *arg)
{
    lines_out += 10;
    return arg;
}

static void *compact_logger(void *arg)
{
    lines_out += 1; // expect: CL002
    return arg;
}

int main(int argc, char **argv)
{
    pthread_t t, alt;
    int quiet = argc > 1 && argv[1][0] == 'q';
    memset(&t, 0, sizeof t);
    if (!quiet)
        pthread_create(&t, NULL, verbose_logger, NULL);
    else
        pthread_create(&alt, NULL, compact_logger, NULL);
    pthread_join(t, NULL);
    printf("%ld\n", lines_out);
    return 0;
}
