/* Pattern: each worker fills its own slot of a results array; the
 * creator sums the slots in a loop before it joins the workers (the join
 * loop comes after).
 * Verdict: racy. The sum loop reads every slot while the workers write
 * theirs.
 */
// class: per-thread-slots
#include <pthread.h>

#define NWORKERS 4

struct slot {
    long hits;
    pthread_t th;
};

static struct slot slots[NWORKERS];

static void *count(void *arg)
{
    struct slot *s = arg;
    for (int i = 0; i < 1000; i++)
        s->hits++; // expect: CL002
    return NULL;
}

int main(void)
{
    for (int i = 0; i < NWORKERS; i++)
        pthread_create(&slots[i].th, NULL, count, &slots[i]);
    long total = 0;
    for (int j = 0; j < NWORKERS; j++)
        total += slots[j].hits;
    for (int i = 0; i < NWORKERS; i++)
        pthread_join(slots[i].th, NULL);
    return (int)total;
}
