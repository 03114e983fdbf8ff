/* Pattern: each worker fills its own slot; the creator's join loop reads
 * each slot right after joining that slot's worker, and an init loop
 * clears the slots before any worker starts.
 * Verdict: race-free.
 */
// class: per-thread-slots
// expect-none
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
        s->hits++;
    return NULL;
}

int main(void)
{
    for (int j = 0; j < NWORKERS; j++)
        slots[j].hits = 0;
    for (int i = 0; i < NWORKERS; i++)
        pthread_create(&slots[i].th, NULL, count, &slots[i]);
    long total = 0;
    for (int k = 0; k < NWORKERS; k++) {
        pthread_join(slots[k].th, NULL);
        total += slots[k].hits;
    }
    return (int)total;
}
