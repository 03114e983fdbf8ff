/* Pattern: per-slot setup by a helper given the loop index, then a second
 * loop over the same helper while the workers run.
 * Verdict: racy. The first loop fills each slot before its worker starts
 * (ordered); the later reset loop calls reset_slot(&q, i) on every slot
 * while the workers still read their `budget`.
 */
#include <pthread.h>

#define NW 4

struct slot {
    pthread_t tid;
    long budget;
    long used;
};

static struct slot slots[NW];

static void *drain(void *arg)
{
    struct slot *s = arg;
    while (s->used < s->budget) // expect: CL002
        s->used++;
    return NULL;
}

static void fill_slot(int idx)
{
    slots[idx].budget = 1000;
    slots[idx].used = 0;
}

static void reset_slot(int idx)
{
    slots[idx].budget = 0;
}

int main(void)
{
    for (int i = 0; i < NW; i++) {
        fill_slot(i);
        pthread_create(&slots[i].tid, NULL, drain, &slots[i]);
    }
    for (int i = 0; i < NW; i++)
        reset_slot(i);
    for (int i = 0; i < NW; i++)
        pthread_join(slots[i].tid, NULL);
    return 0;
}
