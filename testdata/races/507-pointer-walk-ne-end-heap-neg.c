/* Pattern: a heap pool of workers found through a struct (`p.w`), walked
 * with an end pointer and `++s` (`for (s = p.w; s != end; ++s)`) to start
 * and to join them; each worker adds to its own counter; main sums after
 * the joins.
 * Verdict: race-free. One worker per element, joined before main reads.
 */
// class: pointer-walk-ne
// expect-none
#include <pthread.h>
#include <stdlib.h>

struct worker {
    pthread_t th;
    int id;
    long done;
};

struct pool {
    struct worker *w;
    int n;
};

static void *run(void *arg)
{
    struct worker *me = arg;
    for (int k = 0; k < 1000; k++)
        me->done += me->id;
    return NULL;
}

int main(int argc, char **argv)
{
    (void)argv;
    struct pool p;
    p.n = argc + 3;
    p.w = calloc((size_t)p.n, sizeof *p.w);
    if (p.w == NULL)
        return 1;
    struct worker *end = p.w + p.n, *s;
    int i = 0;
    for (s = p.w; s != end; ++s) {
        s->id = i++;
        pthread_create(&s->th, NULL, run, s);
    }
    for (s = p.w; s != end; ++s)
        pthread_join(s->th, NULL);
    long t = 0;
    for (s = p.w; s != end; s++)
        t += s->done;
    free(p.w);
    return (int)t;
}
