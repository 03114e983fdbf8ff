/* CL003 positive, sleep-then-exit through a goto cleanup ladder: a one-shot
 * export tool starts the writer thread, sleeps "long enough" for it to
 * flush, and leaves main() through its `out:` cleanup label without joining
 * the writer (the ladder frees buffers, it does not wait). Returning from
 * main() ends the process with the writer still running.
 */
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

int flush_records(const char *path);     /* export.c */

static void *writer_main(void *arg)
{
    flush_records(arg);
    return NULL;
}

int main(int argc, char **argv)
{
    int rc = 1;
    char *buf = malloc(4096);
    pthread_t writer;
    if (buf == NULL || argc < 2)
        goto out;
    if (pthread_create(&writer, NULL, writer_main, argv[1]) != 0)
        goto out;
    sleep(2); // expect: CL003
    rc = 0;
out:
    free(buf);
    return rc;
}
