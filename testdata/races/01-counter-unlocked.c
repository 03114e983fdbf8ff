/* Pattern: lock-protected counter, lock forgotten.
 * Verdict: racy. worker() is started four times in a loop and does `hits++`
 * with no lock at all; the read-modify-write races with itself.
 */
#include <pthread.h>
#include <stdio.h>

#define NT 4
static long hits;

static void *worker(void *arg)
{
    for (int i = 0; i < 1000; i++)
        hits++; // expect: CL002
    return arg;
}

int main(void)
{
    pthread_t t[NT];
    for (int i = 0; i < NT; i++)
        pthread_create(&t[i], NULL, worker, NULL);
    for (int i = 0; i < NT; i++)
        pthread_join(t[i], NULL);
    printf("%ld\n", hits);
    return 0;
}
