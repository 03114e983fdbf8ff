/* Pattern: a spawn loop starts each worker on its slot first and only
 * then has a helper, given the loop index, fill the slot.
 * Verdict: racy. fill_slot(i) writes slot i's `limit` after its worker
 * was started on it; the worker reads `limit` at once.
 */
#include <pthread.h>

#define NW 4

struct slot {
    pthread_t tid;
    long limit;
    long count;
};

static struct slot slots[NW];

static void *counter(void *arg)
{
    struct slot *s = arg;
    for (long k = 0; k < s->limit; k++) // expect: CL002
        s->count++;
    return NULL;
}

static void fill_slot(int idx)
{
    slots[idx].limit = 100 * (idx + 1);
}

int main(void)
{
    for (int i = 0; i < NW; i++) {
        pthread_create(&slots[i].tid, NULL, counter, &slots[i]);
        fill_slot(i);
    }
    for (int i = 0; i < NW; i++)
        pthread_join(slots[i].tid, NULL);
    return 0;
}
