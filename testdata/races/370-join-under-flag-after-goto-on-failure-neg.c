/* Pattern: a library entry point with a cleanup ladder: a failed
 * pthread_create jumps to `out`, success sets `have_reader` right after,
 * and the cleanup joins the reader only `if (have_reader)` before it
 * reads the reader's result and frees the context.
 * Verdict: race-free. The label is reached with `have_reader` 0 only
 * from the failed start (no reader exists) and with 1 from the success
 * path, where the reader is joined first.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

// class: join-flag-guard
// expect-none

struct reader_ctx {
    int fd;
    long bytes;
    int err;
};

static void *reader_main(void *arg)
{
    struct reader_ctx *c = arg;
    char buf[256];
    for (int i = 0; i < 4; i++)
        c->bytes += (long)sizeof buf;
    c->err = 0;
    return NULL;
}

long read_all(int fd)
{
    struct reader_ctx *ctx = calloc(1, sizeof *ctx);
    pthread_t reader;
    int have_reader = 0;
    long result = -1;

    if (ctx == NULL)
        return -1;
    ctx->fd = fd;
    if (pthread_create(&reader, NULL, reader_main, ctx) != 0)
        goto out;
    have_reader = 1;
    /* ... feed the reader ... */
out:
    if (have_reader)
        pthread_join(reader, NULL);
    if (ctx->err == 0)
        result = ctx->bytes;
    free(ctx);
    return result;
}

int main(void)
{
    printf("%ld\n", read_all(0));
    return 0;
}
