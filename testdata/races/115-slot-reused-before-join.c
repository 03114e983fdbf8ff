/* Pattern: a supervisor restarts its workers into the same slots without
 * waiting for the previous generation to finish (the join comes at the
 * very end).
 * Verdict: racy. The first and the second generation both run with
 * &slots[i] for the same i, while the first may still run: the slot is
 * not per-thread any more, and w->restarts++ in both generations races,
 * and so does w->ticks: one finding for the slot.
 */
#include <pthread.h>
#include <stdio.h>

// class: per-thread-slots

enum { NSLOTS = 2 };

struct worker_slot {
    int id;
    unsigned long restarts;
    unsigned long ticks;
};

static struct worker_slot slots[NSLOTS];

static void *slot_worker(void *p)
{
    struct worker_slot *w = p;
    w->restarts++; // expect: CL002 {{races with write in 'slot_worker_v2'}}
    for (int k = 0; k < 100; k++)
        w->ticks++; // expect-related: CL002 {{also writes 'w->ticks' in 'slot_worker'}}
    return NULL;
}

static void *slot_worker_v2(void *p)
{
    struct worker_slot *w = p;
    w->restarts++;
    for (int k = 0; k < 50; k++)
        w->ticks += 2;
    return NULL;
}

int main(void)
{
    pthread_t first[NSLOTS], second[NSLOTS];
    for (int i = 0; i < NSLOTS; i++) {
        slots[i].id = i;
        pthread_create(&first[i], NULL, slot_worker, &slots[i]);
    }
    for (int i = 0; i < NSLOTS; i++)
        pthread_create(&second[i], NULL, slot_worker_v2, &slots[i]);
    for (int i = 0; i < NSLOTS; i++) {
        pthread_join(first[i], NULL);
        pthread_join(second[i], NULL);
    }
    printf("%lu\n", slots[0].ticks + slots[1].ticks);
    return 0;
}
