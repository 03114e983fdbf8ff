/* Pattern: workers are started by a pointer walk written with `!=`
 * (`for (s = slots; s != slots + NWORKERS; s++)`), each summing into its own
 * slot; main prints the first slot's running sum as progress before the
 * join walk.
 * Verdict: racy. The progress read and slot 0's worker's writes race; the
 * other slots are private to their workers until the joins.
 */
// class: pointer-walk-ne
#include <pthread.h>
#include <stdio.h>

#define NWORKERS 4

struct slot {
    pthread_t th;
    int weight;
    long sum;
};

static struct slot slots[NWORKERS];

static void *accumulate(void *arg)
{
    struct slot *me = arg;
    for (int round = 0; round < 1000; round++)
        me->sum += me->weight; // expect: CL002
    return NULL;
}

int main(void)
{
    struct slot *s;
    int k = 1;
    for (s = slots; s != slots + NWORKERS; s++) {
        s->weight = k++;
        pthread_create(&s->th, NULL, accumulate, s);
    }
    printf("progress %ld\n", slots[0].sum);
    for (s = slots; s != slots + NWORKERS; s++)
        pthread_join(s->th, NULL);
    for (s = slots; s != slots + NWORKERS; s++)
        printf("%ld\n", s->sum);
    return 0;
}
