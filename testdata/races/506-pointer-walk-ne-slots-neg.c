/* Pattern: per-thread slots in a stack array of main; a pointer walk with
 * `!=` fills each slot's id and starts its thread on it, a second walk of
 * the same shape joins them, and only then main reads the outputs.
 * Verdict: race-free. Each thread writes only its own slot, whose id main
 * wrote before starting it; the array outlives the joined threads.
 */
// class: pointer-walk-ne
// expect-none
#include <pthread.h>
#include <stdio.h>

#define N 8

struct slot {
    pthread_t th;
    int id;
    int out;
};

static void *run(void *arg)
{
    struct slot *s = arg;
    s->out = s->id * 2;
    return NULL;
}

int main(void)
{
    struct slot slots[N];
    struct slot *s;
    int i = 0;
    for (s = slots; s != slots + N; s++) {
        s->id = i++;
        pthread_create(&s->th, NULL, run, s);
    }
    for (s = slots; s != slots + N; s++)
        pthread_join(s->th, NULL);
    int total = 0;
    for (s = slots; s != slots + N; s++)
        total += s->out;
    printf("%d\n", total);
    return 0;
}
