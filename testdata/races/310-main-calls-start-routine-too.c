/* Pattern: the creator starts one worker and then runs the same start
 * routine itself on its own stack (`tally(NULL)`), a shape common in
 * sanitizer test programs.
 * Verdict: racy. Both the spawned thread and main execute `hits++` on the
 * global with no lock, at the same time; the join comes after.
 */
#include <pthread.h>
#include <stdio.h>

// class: entry-shapes

static long hits;

static void *tally(void *arg)
{
    for (int i = 0; i < 100; i++)
        hits++; // expect: CL002
    return arg;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, tally, NULL);
    tally(NULL);
    pthread_join(t, NULL);
    printf("%ld\n", hits);
    return 0;
}
