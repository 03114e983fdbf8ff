/* Pattern: free() of a heap object a running thread still reads.
 * Verdict: racy. The job is published through the global `current`
 * before the worker starts; main frees it before joining the worker, which
 * may still be reading current->id: free(p) is a write of all of *p.
 */
// class: library-accesses
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

struct job { int id; char name[32]; };
static struct job *current;

static void *worker(void *arg)
{
    long sum = 0;
    for (int i = 0; i < 100; i++)
        sum += current->id; // expect: CL002 {{read of 'current->id'}}
    return (void *)sum;
}

int main(void)
{
    pthread_t t;
    current = calloc(1, sizeof *current);
    if (current == NULL)
        return 1;
    current->id = 7;
    pthread_create(&t, NULL, worker, NULL);
    free(current); // expect-related: CL002 {{conflicting write of '*current'}}
    pthread_join(t, NULL);
    return 0;
}
