/* Pattern: the twin of 839 where a reload thread runs the load callbacks
 * again while the reader thread runs.
 * Verdict: racy. The load callback writes what the reader reads.
 */
// class: callback
#include <pthread.h>
#include <stdlib.h>

typedef int (*load_cb)(void *);
typedef int (*save_cb)(void *);

struct entry {
    load_cb ccb;
    save_cb scb;
    void *data;
    struct entry *next;
};

static struct entry *cb_stack;
static int oldest_cas;

static void restart_register(load_cb ccb, save_cb scb, void *data)
{
    struct entry *cb = calloc(1, sizeof *cb);
    if (cb == NULL)
        abort();
    cb->next = cb_stack;
    cb_stack = cb;
    cb->data = data;
    cb->ccb = *ccb;
    cb->scb = *scb;
}

static int meta_load(void *d)
{
    (void)d;
    oldest_cas = 1; // expect: CL002
    return 0;
}

static int meta_save(void *d)
{
    (void)d;
    return 0;
}

static void load_all(void)
{
    for (struct entry *cb = cb_stack; cb != NULL; cb = cb->next)
        if (cb->ccb(cb->data) != 0)
            return;
}

static void *reader(void *arg)
{
    (void)arg;
    return (void *)(long)oldest_cas;
}

static void *reloader(void *arg)
{
    (void)arg;
    load_all();
    return NULL;
}

int main(void)
{
    pthread_t t, r;
    restart_register(meta_load, meta_save, NULL);
    load_all();
    pthread_create(&t, NULL, reader, NULL);
    pthread_create(&r, NULL, reloader, NULL);
    pthread_join(t, NULL);
    pthread_join(r, NULL);
    return 0;
}
