/* Pattern: 376 done right: the two readers are started with index 0 and
 * index 1, and main reads the table after joining both.
 * Verdict: race-free. Each reader updates only its own slot, and main
 * reads after both joins.
 */
#include <pthread.h>
#include <stdio.h>

// class: own-index-constant
// expect-none

#define NREADERS 2

static unsigned long reads[NREADERS];

static void *reader_main(void *arg)
{
    long id = (long)arg;
    for (int i = 0; i < 1000; i++)
        reads[id]++;
    return NULL;
}

int main(void)
{
    pthread_t a, b;

    pthread_create(&a, NULL, reader_main, (void *)0);
    pthread_create(&b, NULL, reader_main, (void *)1);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    printf("%lu %lu\n", reads[0], reads[1]);
    return 0;
}
