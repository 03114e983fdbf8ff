/* Pattern: per-connection-class counters where the spawn loop passes the
 * class number from a variable that never changes inside the loop
 * (`(void *)(long)cls`) instead of the loop index.
 * Verdict: racy. All instances get the same number and update the same
 * `hits[cls]` element at once: the test and the reset are one
 * check-then-act, one finding.
 */
#include <pthread.h>
#include <stdio.h>

// class: per-thread-index-arg

enum { NCLASS = 4 };

static unsigned long hits[NCLASS];

static void *class_main(void *arg)
{
    long cls = (long)arg;
    for (int k = 0; k < 1000; k++) {
        if (hits[cls] > 100000) // expect-related: CL002 {{conflicting read of 'hits[]' in 'class_main'}}
            hits[cls] = 0; // expect: CL002
        hits[cls]++;
    }
    return NULL;
}

int main(int argc, char **argv)
{
    pthread_t t[NCLASS];
    long cls = argc % NCLASS;
    (void)argv;
    for (int i = 0; i < NCLASS; i++)
        pthread_create(&t[i], NULL, class_main, (void *)cls);
    for (int i = 0; i < NCLASS; i++)
        pthread_join(t[i], NULL);
    printf("%lu\n", hits[cls]);
    return 0;
}
