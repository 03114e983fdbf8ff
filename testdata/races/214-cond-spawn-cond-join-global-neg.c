/* Pattern: the same, with a global option set while parsing the command
 * line, before any thread starts, and the handle in a global struct.
 * Verdict: race-free. `opt_async` is written only before the spawn; the
 * writer thread is joined under the same test before `flushed` is read.
 */
// class: correlated-spawn-join
// expect-none
#include <pthread.h>
#include <stdio.h>
#include <string.h>

static int opt_async;
static long flushed;
static struct {
    pthread_t writer;
} io;

static void *writer_main(void *arg)
{
    flushed += 4096;
    return arg;
}

static void flush_all(void)
{
    if (opt_async == 1)
        pthread_create(&io.writer, NULL, writer_main, NULL);
    puts("flushing");
    if (opt_async == 1)
        pthread_join(io.writer, NULL);
    printf("%ld\n", flushed);
}

int main(int argc, char **argv)
{
    for (int i = 1; i < argc; i++)
        if (strcmp(argv[i], "--async") == 0)
            opt_async = 1;
    flush_all();
    return 0;
}
