/* CL011 negative: the compactor thread runs once per phase: the handle
 * is joined, a new thread is started into it, and that one is joined. */
// expect-none
#include <pthread.h>

struct store { pthread_t compactor; int phase; };

static void *compact_main(void *arg)
{
    struct store *s = arg;
    (void)s;
    return NULL;
}

int store_compact_twice(struct store *s);
int store_compact_twice(struct store *s)
{
    s->phase = 1;
    if (pthread_create(&s->compactor, NULL, compact_main, s) != 0)
        return -1;
    pthread_join(s->compactor, NULL);
    s->phase = 2;
    if (pthread_create(&s->compactor, NULL, compact_main, s) != 0)
        return -1;
    pthread_join(s->compactor, NULL);
    return 0;
}
