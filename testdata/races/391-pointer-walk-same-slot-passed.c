/* Pattern: a pointer walks the slot array to start the workers, but every
 * thread is handed the array itself instead of the walking pointer.
 * Verdict: racy. All workers increment the first slot's counter with no
 * lock.
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
    s->hits++; // expect: CL002
    return NULL;
}

int main(void)
{
    struct slot *s;
    for (s = slots; s < slots + NSLOTS; s++)
        pthread_create(&s->tid, NULL, count_main, slots);
    for (s = slots; s < slots + NSLOTS; s++)
        pthread_join(s->tid, NULL);
    printf("%ld\n", slots[0].hits);
    return 0;
}
