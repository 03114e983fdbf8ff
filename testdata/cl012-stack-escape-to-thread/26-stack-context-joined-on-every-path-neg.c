/* CL012 negative: a stack context shared with a helper thread, joined on
 * the error path and on the normal path before the frame ends. */
// expect-none
#include <pthread.h>
#include <stdatomic.h>

struct copy_ctx { const char *src; atomic_int stop; long copied; };

static void *copy_main(void *arg)
{
    struct copy_ctx *c = arg;
    while (!atomic_load(&c->stop) && c->copied < 1000)
        c->copied++;
    return NULL;
}

static int prepare(const char *src)
{
    return src[0] == '\0' ? -1 : 0;
}

long copy_tree(const char *src);
long copy_tree(const char *src)
{
    struct copy_ctx c = { src, 0, 0 };
    pthread_t t;
    if (pthread_create(&t, NULL, copy_main, &c) != 0)
        return -1;
    if (prepare(src) != 0) {
        atomic_store(&c.stop, 1);
        pthread_join(t, NULL);
        return -1;
    }
    pthread_join(t, NULL);
    return c.copied;
}
