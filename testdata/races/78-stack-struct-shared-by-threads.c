/* Pattern: a stack object of main passed to several threads.
 * Verdict: racy. `progress` lives in main's frame and is handed to two
 * threads (spawned in a loop) that both update `done_items` without a lock.
 */
#include <pthread.h>
#include <stdio.h>

struct progress { int total; int done_items; };

static void *worker(void *arg)
{
    struct progress *p = arg;
    for (int i = 0; i < p->total / 2; i++)
        p->done_items++; // expect: CL002
    return NULL;
}

int main(void)
{
    struct progress progress = { 100, 0 };
    pthread_t t[2];
    for (int i = 0; i < 2; i++)
        pthread_create(&t[i], NULL, worker, &progress);
    for (int i = 0; i < 2; i++)
        pthread_join(t[i], NULL);
    printf("%d\n", progress.done_items);
    return 0;
}
