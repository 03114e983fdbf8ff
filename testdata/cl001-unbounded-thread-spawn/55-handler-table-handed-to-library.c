/* CL001 positive: a program fills in a table of request handlers and hands
 * it to a library's serve loop (the host calls the handlers per request, as
 * FUSE and many RPC libraries do). The upload handler starts a detached
 * thread per request: a burst of uploads is a burst of threads. The table
 * is named in a global initializer of a program with main(), but handed to
 * a library call, so its handlers run once per event.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

struct request { const char *body; size_t len; };

struct handlers {
    int (*on_get)(struct request *req);
    int (*on_upload)(struct request *req);
};

/* The library's event loop (no body here): calls a handler per request. */
int rpc_serve(const struct handlers *h, int port);

static void *store_upload(void *arg)
{
    free(arg);
    return NULL;
}

static int on_get(struct request *req)
{
    return req->len > 0 ? 200 : 404;
}

static int on_upload(struct request *req)
{
    char *copy = malloc(req->len);
    if (copy == NULL)
        return 503;
    memcpy(copy, req->body, req->len);
    pthread_t t;
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    int rc = pthread_create(&t, &attr, store_upload, copy); // expect: CL001
    pthread_attr_destroy(&attr);
    if (rc != 0)
        free(copy);
    return rc ? 503 : 202;
}

static const struct handlers handlers = { on_get, on_upload };

int main(void)
{
    return rpc_serve(&handlers, 8080);
}
