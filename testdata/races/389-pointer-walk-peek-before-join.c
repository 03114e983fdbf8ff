/* Pattern: worker slots started by a pointer walking the slot array.
 * Verdict: racy. Each thread counts in its own slot, but the monitor peeks
 * at the first slot's counter while the threads still run (the join loop
 * comes after); the peek and slot 0's increments race.
 */
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
        s->hits++; // expect: CL002
    return NULL;
}

int main(void)
{
    struct slot *s;
    for (s = slots; s < slots + NSLOTS; s++)
        pthread_create(&s->tid, NULL, count_main, s);
    printf("first slot so far: %ld\n", slots[0].hits);
    for (s = slots; s < slots + NSLOTS; s++)
        pthread_join(s->tid, NULL);
    return 0;
}
