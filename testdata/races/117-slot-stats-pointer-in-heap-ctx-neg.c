/* Pattern: an I/O pool gives each worker a heap context that points at
 * the worker's own statistics slot (`ctx->stats = &wstats[i]`), the
 * shape of servers that keep per-thread counters in a global table and
 * aggregate them on shutdown.
 * Verdict: race-free. The context is allocated in the iteration that
 * starts its thread, so what it reaches is that thread's own; main reads
 * the table after the joins.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

// class: per-thread-slots
// expect-none

enum { NIO = 3 };

struct io_stats {
    unsigned long reads;
    unsigned long bytes;
};

struct io_ctx {
    int fd;
    struct io_stats *stats;
};

static struct io_stats wstats[NIO];

static void note_read(struct io_ctx *ctx, size_t n)
{
    ctx->stats->reads++;
    ctx->stats->bytes += n;
}

static void *io_worker(void *arg)
{
    struct io_ctx *ctx = arg;
    for (int k = 0; k < 64; k++)
        note_read(ctx, (size_t)(k * 16));
    free(ctx);
    return NULL;
}

int main(void)
{
    pthread_t tids[NIO];
    for (int i = 0; i < NIO; i++) {
        struct io_ctx *ctx = calloc(1, sizeof *ctx);
        if (ctx == NULL)
            return 1;
        ctx->fd = -1;
        ctx->stats = &wstats[i];
        pthread_create(&tids[i], NULL, io_worker, ctx);
    }
    unsigned long reads = 0;
    for (int i = 0; i < NIO; i++) {
        pthread_join(tids[i], NULL);
        reads += wstats[i].reads;
    }
    printf("%lu\n", reads);
    return 0;
}
