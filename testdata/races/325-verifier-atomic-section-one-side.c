/* Pattern: verification-benchmark atomic sections used on one side only:
 * the worker updates `count` inside __VERIFIER_atomic_begin/end, main
 * writes it plainly.
 * Verdict: racy. An atomic section only excludes other atomic sections;
 * main's plain write can interleave with it.
 */
#include <pthread.h>
#include <stdio.h>

// class: verifier-atomic

void __VERIFIER_atomic_begin(void);
void __VERIFIER_atomic_end(void);

static int count;

static void *bump(void *arg)
{
    __VERIFIER_atomic_begin();
    count++; // expect-related: CL002 {{conflicting write}}
    __VERIFIER_atomic_end();
    return arg;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, bump, NULL);
    count = 7; // expect: CL002 {{there: '__VERIFIER_atomic'}}
    pthread_join(t, NULL);
    printf("%d\n", count);
    return 0;
}
