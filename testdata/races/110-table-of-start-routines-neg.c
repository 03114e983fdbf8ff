/* Pattern: a daemon starts its service threads from a table of start
 * routines in one loop, each with its own context slot.
 * Verdict: race-free. Each routine of the table runs once (the loop walks
 * distinct entries), so a routine's counter is written by one thread
 * only; main reads them after the joins.
 */
#include <pthread.h>
#include <stdio.h>

// class: heap-contexts
// expect-none

struct svc_ctx {
    int id;
    int fd;
};

static unsigned long flushes, expiries, reports;

static void *flusher(void *arg)
{
    struct svc_ctx *c = arg;
    for (int k = 0; k < 10; k++)
        flushes += (unsigned long)c->id;
    return NULL;
}

static void *expirer(void *arg)
{
    struct svc_ctx *c = arg;
    for (int k = 0; k < 10; k++)
        expiries += (unsigned long)c->fd;
    return NULL;
}

static void *reporter(void *arg)
{
    (void)arg;
    reports++;
    return NULL;
}

struct service {
    const char *name;
    void *(*start)(void *);
};

static const struct service services[] = {
    { "flush", flusher },
    { "expire", expirer },
    { "report", reporter },
};

enum { NSVC = sizeof services / sizeof services[0] };

int main(void)
{
    pthread_t tids[NSVC];
    struct svc_ctx ctx[NSVC];
    for (int i = 0; i < (int)NSVC; i++) {
        ctx[i].id = i;
        ctx[i].fd = -1;
        pthread_create(&tids[i], NULL, services[i].start, &ctx[i]);
    }
    for (int i = 0; i < (int)NSVC; i++)
        pthread_join(tids[i], NULL);
    printf("%lu %lu %lu\n", flushes, expiries, reports);
    return 0;
}
