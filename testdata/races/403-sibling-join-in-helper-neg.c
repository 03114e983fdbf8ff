/* Pattern: a flusher thread waits for the writer thread to finish through
 * a helper that joins the handle kept in a context struct, then resets the
 * counters the writer updated.
 * Verdict: race-free. The join in the helper orders the writer's updates
 * before the flusher's resets.
 */
// class: sibling-join
// expect-none
#include <pthread.h>

struct ctx {
    pthread_t writer;
    long records;
    long bytes;
};

static struct ctx g_ctx;

static void *writer(void *arg)
{
    for (int i = 0; i < 100; i++) {
        g_ctx.records++;
        g_ctx.bytes += 64;
    }
    return arg;
}

static void wait_writer(struct ctx *c)
{
    pthread_join(c->writer, NULL);
}

static void *flusher(void *arg)
{
    wait_writer(&g_ctx);
    g_ctx.records = 0;
    g_ctx.bytes = 0;
    return arg;
}

int main(void)
{
    pthread_t f;
    pthread_create(&g_ctx.writer, NULL, writer, NULL);
    pthread_create(&f, NULL, flusher, NULL);
    pthread_join(f, NULL);
    return 0;
}
