/* CL005 negative (rsyslog's CHKiRet/finalize_it style): a trylock sets a
 * `locked` flag, errors after it jump to `finalize_it` with the lock held,
 * the failure branch jumps there without it, and the cleanup unlocks
 * under `if (locked)`. Every path that holds the lock releases it.
 */
// class: jump-past-unlock
// expect-none
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#define CHK(x) do { if ((ret = (x)) != 0) goto finalize_it; } while (0)

struct table {
    pthread_mutex_t reload_mut;
    char *stub;
    int do_reload;
};

static struct table tab = { PTHREAD_MUTEX_INITIALIZER, NULL, 0 };

static int set_stub(struct table *t, const char *v)
{
    free(t->stub);
    t->stub = strdup(v);
    return t->stub == NULL ? ENOMEM : 0;
}

static int table_reload(struct table *t, const char *stub)
{
    int locked = 0, ret = 0;
    if (pthread_mutex_trylock(&t->reload_mut) == 0) {
        locked = 1;
        if (stub != NULL)
            CHK(set_stub(t, stub));
        t->do_reload = 1;
    } else {
        ret = EBUSY;
        goto finalize_it;
    }
finalize_it:
    if (locked)
        pthread_mutex_unlock(&t->reload_mut);
    return ret;
}

static void *trigger(void *arg)
{
    table_reload(arg, "x");
    return NULL;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, trigger, &tab);
    table_reload(&tab, NULL);
    pthread_join(t, NULL);
    return 0;
}
