/* Pattern: a connection's state bits are bit-fields; the worker sets one
 * through a helper and a pointer (`c->closing = 1`), main sets the next
 * one directly.
 * Verdict: racy. `closing` and `dirty` share one memory location.
 */
#include <pthread.h>

struct conn {
    int fd;
    unsigned closing : 1;
    unsigned dirty : 1;
};

static struct conn the_conn;

static void mark_closing(struct conn *c)
{
    c->closing = 1; // expect: CL002
}

static void *worker(void *arg)
{
    mark_closing(arg);
    return NULL;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, worker, &the_conn);
    the_conn.dirty = 1;
    pthread_join(t, NULL);
    return 0;
}
