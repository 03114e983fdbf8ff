/* Pattern: worker slots started by a pointer walking the slot array,
 * joined by a second pointer walk, then summed by a third.
 * Verdict: race-free. Each thread touches only the slot it was given; the
 * creator reads the counters only after joining every thread.
 */
// expect-none
#include <pthread.h>
#include <stdio.h>

#define NSLOTS 4

struct slot {
    pthread_t tid;
    long hits;
};

static struct slot slots[NSLOTS];

static void *count_main(void *arg)
{
    struct slot *s = arg;
    for (int i = 0; i < 1000; i++)
        s->hits++;
    return NULL;
}

int main(void)
{
    struct slot *s;
    for (s = slots; s < slots + NSLOTS; s++) {
        s->hits = 0;
        pthread_create(&s->tid, NULL, count_main, s);
    }
    for (s = slots; s < slots + NSLOTS; s++)
        pthread_join(s->tid, NULL);
    long total = 0;
    for (s = slots; s < slots + NSLOTS; s++)
        total += s->hits;
    printf("%ld\n", total);
    return 0;
}
