/* Pattern: each slot of a spawn loop gets a buffer of its own, allocated
 * in the round, which the loop fills before starting the slot's thread;
 * the thread then sums its buffer.
 * Verdict: race-free. Each round's buffer is new, so the loop's writes of
 * a later round never touch an earlier thread's buffer.
 */
// class: slot-counter
#include <pthread.h>
#include <stdlib.h>

struct slot {
    pthread_t id;
    int *buf;
    int sum;
};

static void *summer(void *arg)
{
    struct slot *s = arg;
    for (int k = 0; k < 16; k++)
        s->sum += s->buf[k]; // fp-todo: CL002 -- the round's buffer is taken for every round's
    return NULL;
}

int main(void)
{
    struct slot slots[4];
    for (int i = 0; i < 4; i++) {
        slots[i].buf = malloc(16 * sizeof *slots[i].buf);
        if (slots[i].buf == NULL)
            return 1;
        for (int k = 0; k < 16; k++)
            slots[i].buf[k] = i + k;
        slots[i].sum = 0;
        if (pthread_create(&slots[i].id, NULL, summer, &slots[i]) != 0)
            return 1;
    }
    int total = 0;
    for (int i = 0; i < 4; i++) {
        pthread_join(slots[i].id, NULL);
        total += slots[i].sum;
        free(slots[i].buf);
    }
    return total > 0 ? 0 : 1;
}
