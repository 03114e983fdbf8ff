/* CL011 negative: a pool walks its slots with a pointer and stops each
 * through a helper that joins the slot's thread; every call names a
 * different slot. */
// expect-none
#include <pthread.h>
#include <stdatomic.h>

#define NSLOTS 4

struct slot {
    pthread_t thread;
    atomic_int stop;
    long served;
};

struct pool {
    struct slot slots[NSLOTS];
};

static void *slot_main(void *arg)
{
    struct slot *s = arg;
    while (!atomic_load(&s->stop))
        s->served++;
    return NULL;
}

static long stop_slot(struct slot *s)
{
    atomic_store(&s->stop, 1);
    pthread_join(s->thread, NULL);
    return s->served;
}

long pool_run(struct pool *p);
long pool_run(struct pool *p)
{
    struct slot *s, *end = p->slots;
    for (s = p->slots; s < p->slots + NSLOTS; s++) {
        atomic_init(&s->stop, 0);
        s->served = 0;
        if (pthread_create(&s->thread, NULL, slot_main, s) != 0)
            break;
        end = s + 1;
    }
    long total = 0;
    for (s = p->slots; s < end; s++)
        total += stop_slot(s);
    return end == p->slots + NSLOTS ? total : -1;
}
