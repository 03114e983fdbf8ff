/* Pattern: a request constructor, called once per request, allocates the
 * request and its buffer; when the buffer cannot be had it frees the
 * request and returns. Otherwise it fills the request in and starts the
 * handler it is given on it, which reads its own request only (the
 * requests live as long as the process).
 * Verdict: race-free. Each call fills in the request it has just
 * allocated, before any thread can reach it; the free on the error path
 * does not hand the request to anyone.
 */
// class: heap-init
// expect-none
#include <pthread.h>
#include <stdlib.h>

struct request {
    char *buf;
    size_t len;
    int id;
};

static void *handle_get(void *arg)
{
    struct request *r = arg;
    return (void *)(r->len + (size_t)r->id);
}

static void *handle_put(void *arg)
{
    struct request *r = arg;
    return r->buf;
}

static int start_request(pthread_t *t, void *(*handler)(void *), int id, size_t len)
{
    struct request *r = malloc(sizeof *r);
    if (r == NULL)
        return -1;
    char *buf = malloc(len);
    if (buf == NULL) {
        free(r);
        return -1;
    }
    r->buf = buf;
    r->len = len;
    r->id = id;
    if (pthread_create(t, NULL, handler, r) != 0)
        abort(); /* (out of threads: the server stops) */
    return 0;
}

int main(void)
{
    pthread_t a, b;
    int ok_a = start_request(&a, handle_get, 1, 64) == 0;
    int ok_b = start_request(&b, handle_put, 2, 128) == 0;
    if (ok_a)
        pthread_join(a, NULL);
    if (ok_b)
        pthread_join(b, NULL);
    return 0;
}
