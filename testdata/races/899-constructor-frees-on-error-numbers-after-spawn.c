/* Pattern: the twin of races/898: the constructor frees the request on
 * its error path, as there, but numbers the request only after it has
 * started the handler on it.
 * Verdict: racy. The handler may read the number before it is written.
 */
// class: heap-init
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
    return (void *)(r->len + (size_t)r->id); // expect: CL002
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
    if (pthread_create(t, NULL, handler, r) != 0)
        abort(); /* (out of threads: the server stops) */
    r->id = id; // expect-related: CL002
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
