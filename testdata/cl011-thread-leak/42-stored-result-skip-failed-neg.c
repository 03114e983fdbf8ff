/* CL011 negative: a scanner pool keeps each start's result in its slot;
 * the collecting loop skips the slots whose start failed with `continue`
 * and joins the rest. */
// expect-none
#include <pthread.h>

#define NSCAN 4

struct slot {
    pthread_t tid;
    int err;
    const char *dir;
    long found;
};

static void *scan_main(void *p)
{
    struct slot *s = p;
    s->found = s->dir != NULL;
    return NULL;
}

long scan_all(const char **dirs);
long scan_all(const char **dirs)
{
    struct slot slots[NSCAN];
    for (int i = 0; i < NSCAN; i++) {
        slots[i].dir = dirs[i];
        slots[i].found = 0;
        slots[i].err = pthread_create(&slots[i].tid, NULL, scan_main, &slots[i]);
    }
    long total = 0;
    for (int i = 0; i < NSCAN; i++) {
        if (slots[i].err != 0)
            continue;
        pthread_join(slots[i].tid, NULL);
        total += slots[i].found;
    }
    return total;
}
