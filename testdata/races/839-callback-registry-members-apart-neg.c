/* Pattern: memcached's restart callbacks: a registry keeps, per entry, a
 * load callback and a save callback, stored from the registration's
 * parameters written `*ccb` (a function pointer dereferenced: function
 * type). Main runs the load callbacks before it starts the reader, and
 * only the save callbacks while the reader runs.
 * Verdict: race-free. A call through the entry's save member calls the
 * save callbacks, not the load callback stored beside it.
 */
// class: callback
// expect-none
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
    if (cb_stack == NULL) {
        cb_stack = cb;
    } else {
        struct entry *finder = cb_stack;
        while (finder->next != NULL)
            finder = finder->next;
        finder->next = cb;
    }
    cb->data = data;
    cb->ccb = *ccb;
    cb->scb = *scb;
}

static int meta_load(void *d)
{
    (void)d;
    oldest_cas = 1;
    return 0;
}

static int meta_save(void *d)
{
    (void)d;
    return 0;
}

static void run_all(int save)
{
    for (struct entry *cb = cb_stack; cb != NULL; cb = cb->next)
        if ((save ? cb->scb(cb->data) : cb->ccb(cb->data)) != 0)
            return;
}

static void *reader(void *arg)
{
    (void)arg;
    return (void *)(long)oldest_cas;
}

int main(void)
{
    pthread_t t;
    restart_register(meta_load, meta_save, NULL);
    run_all(0);
    pthread_create(&t, NULL, reader, NULL);
    run_all(1);
    pthread_join(t, NULL);
    return 0;
}
