/* Pattern: a progress monitor: while the workers run, the creator polls
 * each worker's counter in a loop and prints a total, then asks them to
 * stop through a flag in each slot and joins them.
 * Verdict: racy. The creator's polling loop reads `done` of every slot
 * while its worker updates it, and its stop loop writes `stop` while the
 * worker reads it, with no lock and no atomics.
 */
// class: per-thread-slots
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

#define N 3

struct worker {
    pthread_t th;
    unsigned long done;
    int stop;
};

static struct worker pool[N];

static void *work(void *arg)
{
    struct worker *w = arg;
    while (!w->stop) // expect: CL002
        w->done++; // expect: CL002
    return NULL;
}

int main(void)
{
    for (int i = 0; i < N; i++)
        pthread_create(&pool[i].th, NULL, work, &pool[i]);
    for (int round = 0; round < 5; round++) {
        unsigned long sum = 0;
        for (int k = 0; k < N; k++)
            sum += pool[k].done;
        printf("%lu\n", sum);
    }
    for (int k = 0; k < N; k++)
        pool[k].stop = 1;
    for (int i = 0; i < N; i++)
        pthread_join(pool[i].th, NULL);
    return 0;
}
