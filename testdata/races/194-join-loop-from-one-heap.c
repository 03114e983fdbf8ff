/* Pattern: handles in a heap array; the join loop starts at 1 and so
 * skips the first thread.
 * Verdict: racy. Worker 0 may still be writing its result into `best`
 * under best_lock when main reads `best` without the lock.
 */
// class: join-coverage
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

#define NJOBS 4
static long best = -1;
static pthread_mutex_t best_lock = PTHREAD_MUTEX_INITIALIZER;

static void *search(void *arg)
{
    long seed = (long)arg, local = 0;
    for (long i = 0; i < 5000; i++)
        local = (local * 31 + seed + i) % 100003;
    pthread_mutex_lock(&best_lock);
    if (local > best)
        best = local;
    pthread_mutex_unlock(&best_lock);
    return NULL;
}

int main(void)
{
    pthread_t *tids = malloc(NJOBS * sizeof *tids);
    if (tids == NULL)
        return 1;
    for (long i = 0; i < NJOBS; i++)
        pthread_create(&tids[i], NULL, search, (void *)i);
    for (int i = 1; i < NJOBS; i++)
        pthread_join(tids[i], NULL);
    printf("best %ld\n", best); // expect: CL002
    free(tids);
    return 0;
}
