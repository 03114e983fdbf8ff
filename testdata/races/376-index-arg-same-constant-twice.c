/* Pattern: two reader threads each keep a per-reader counter in a
 * global table, picked with the index the spawn passes as the start
 * argument; a copy-paste slip starts both readers with index 0.
 * Found by a fresh-eyes trial (issue 11): the same statement indexed by
 * a local was taken for a partitioned array even though both threads
 * were handed the same constant.
 * Verdict: racy. Both readers update `reads[0]` without a lock.
 */
#include <pthread.h>
#include <stdio.h>

// class: own-index-constant

#define NREADERS 2

static unsigned long reads[NREADERS];

static void *reader_main(void *arg)
{
    long id = (long)arg;
    for (int i = 0; i < 1000; i++)
        reads[id]++; // expect: CL002 {{races with write in 'reader_main'}}
    return NULL;
}

int main(void)
{
    pthread_t a, b;

    pthread_create(&a, NULL, reader_main, (void *)0);
    pthread_create(&b, NULL, reader_main, (void *)0);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    printf("%lu %lu\n", reads[0], reads[1]);
    return 0;
}
