/* Pattern: threads claim a slot with a plain shared counter
 * (`marks[next_slot++] = 1`), no lock and no atomic.
 * Verdict: racy. The counter itself is read and written by every thread
 * at once, so two threads can also get the same slot.
 */
#include <pthread.h>
#include <stdio.h>

// class: per-thread-slots

enum { NT = 16 };

static int next_slot;
static int marks[NT];

static void *fill(void *arg)
{
    marks[next_slot++] = 1; // expect: CL002 CL002
    return arg;
}

int main(void)
{
    pthread_t t[NT];
    for (int i = 0; i < NT; i++)
        pthread_create(&t[i], NULL, fill, NULL);
    for (int i = 0; i < NT; i++)
        pthread_join(t[i], NULL);
    printf("%d\n", marks[0]);
    return 0;
}
