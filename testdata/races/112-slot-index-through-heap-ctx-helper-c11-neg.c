/* Pattern: per-worker request counters in a global table, indexed by the
 * worker number stored in a heap context allocated per worker (C11
 * threads); the increment sits in a helper two calls below the entry.
 * Verdict: race-free. Each context is allocated in the iteration that
 * starts its thread, so ctx->slot is that thread's own and so is
 * served[ctx->slot]; main reads the table after the joins.
 */
#include <stdio.h>
#include <stdlib.h>
#include <threads.h>

// class: per-thread-slots
// expect-none

enum { NWORKERS = 3 };

struct wctx {
    int slot;
    int budget;
};

static long served[NWORKERS];

static void account(const struct wctx *ctx, long n)
{
    served[ctx->slot] += n;
}

static void handle_batch(const struct wctx *ctx, int b)
{
    account(ctx, b % 5 + 1);
}

static int worker(void *arg)
{
    struct wctx *ctx = arg;
    for (int b = 0; b < ctx->budget; b++)
        handle_batch(ctx, b);
    free(ctx);
    return 0;
}

int main(void)
{
    thrd_t t[NWORKERS];
    for (int i = 0; i < NWORKERS; i++) {
        struct wctx *ctx = malloc(sizeof *ctx);
        if (ctx == NULL)
            return 1;
        ctx->slot = i;
        ctx->budget = 100;
        thrd_create(&t[i], worker, ctx);
    }
    long total = 0;
    for (int i = 0; i < NWORKERS; i++)
        thrd_join(t[i], NULL);
    for (int i = 0; i < NWORKERS; i++)
        total += served[i];
    printf("%ld\n", total);
    return 0;
}
