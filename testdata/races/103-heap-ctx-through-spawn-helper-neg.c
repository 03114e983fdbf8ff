/* Pattern: the same context-holds-request shape, started through a spawn
 * helper two calls deep; the submitter reads the result only after
 * joining.
 * Verdict: race-free. Everything main writes into the request and the
 * context happens before the thread starts; the worker's writes
 * (r->status) are read after pthread_join in stop_worker().
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

// class: heap-contexts
// expect-none

struct request {
    int status;
    int attempts;
};

struct worker_ctx {
    pthread_t tid;
    struct request *req;
};

static void handle(struct request *r)
{
    r->attempts++;
    r->status = r->attempts > 2 ? 500 : 200;
}

static void *worker_main(void *arg)
{
    struct worker_ctx *ctx = arg;
    handle(ctx->req);
    return NULL;
}

static int spawn_thread(struct worker_ctx *ctx, void *(*fn)(void *))
{
    return pthread_create(&ctx->tid, NULL, fn, ctx);
}

static int start_worker(struct worker_ctx *ctx)
{
    return spawn_thread(ctx, worker_main);
}

static int stop_worker(struct worker_ctx *ctx)
{
    pthread_join(ctx->tid, NULL);
    return ctx->req->status;
}

int main(void)
{
    struct request *r = malloc(sizeof *r);
    struct worker_ctx *ctx = malloc(sizeof *ctx);
    if (r == NULL || ctx == NULL)
        return 1;
    r->status = 0;
    r->attempts = 0;
    ctx->req = r;
    if (start_worker(ctx) != 0)
        return 1;
    printf("status %d\n", stop_worker(ctx));
    free(ctx);
    free(r);
    return 0;
}
