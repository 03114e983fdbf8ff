/* Pattern: per-thread data (each thread owns a heap object).
 * Verdict: race-free. main allocates one `struct job` per thread, fills it
 * before pthread_create and touches it again only after the join.
 */
// expect-none
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

#define NT 4
struct job { int first, last; long sum; };

static void *worker(void *arg)
{
    struct job *j = arg;
    for (int i = j->first; i < j->last; i++)
        j->sum += i;
    return NULL;
}

int main(void)
{
    pthread_t t[NT];
    struct job *jobs[NT];
    for (int i = 0; i < NT; i++) {
        jobs[i] = calloc(1, sizeof *jobs[i]);
        if (!jobs[i])
            return 1;
        jobs[i]->first = i * 100;
        jobs[i]->last = (i + 1) * 100;
        pthread_create(&t[i], NULL, worker, jobs[i]);
    }
    long total = 0;
    for (int i = 0; i < NT; i++) {
        pthread_join(t[i], NULL);
        total += jobs[i]->sum;
        free(jobs[i]);
    }
    printf("%ld\n", total);
    return 0;
}
