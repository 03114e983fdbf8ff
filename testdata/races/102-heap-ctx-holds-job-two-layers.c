/* Pattern: the start argument is a context struct that holds the real
 * work item (`ctx->req`); the worker reaches it through two helper calls,
 * while the submitting thread keeps adjusting the request.
 * Verdict: racy. main stores `r` into ctx->req, starts the worker on ctx,
 * then writes r->deadline; the worker reads it as ctx->req->deadline
 * inside check_deadline(), two calls down. No lock on either side.
 */
#include <pthread.h>
#include <stdlib.h>
#include <time.h>

// class: heap-contexts

struct request {
    long deadline;
    int retries;
    char path[128];
};

struct worker_ctx {
    int id;
    struct request *req;
};

static int check_deadline(const struct request *r, long now)
{
    return now > r->deadline; // expect: CL002 {{read of 'r->deadline' in 'check_deadline'}}
}

static int run_request(struct worker_ctx *ctx)
{
    long now = (long)time(NULL);
    if (check_deadline(ctx->req, now))
        return -1;
    return ctx->req->retries;
}

static void *request_thread(void *arg)
{
    struct worker_ctx *ctx = arg;
    return (void *)(long)run_request(ctx);
}

int main(void)
{
    struct request *r = calloc(1, sizeof *r);
    struct worker_ctx *ctx = calloc(1, sizeof *ctx);
    pthread_t tid;
    if (r == NULL || ctx == NULL)
        return 1;
    r->retries = 3;
    ctx->id = 1;
    ctx->req = r;
    pthread_create(&tid, NULL, request_thread, ctx);
    r->deadline = (long)time(NULL) + 30; // expect-related: CL002 {{conflicting write of 'r->deadline'}}
    pthread_join(tid, NULL);
    free(ctx);
    free(r);
    return 0;
}
