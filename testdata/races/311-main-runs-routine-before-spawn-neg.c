/* Pattern: main runs the start routine once itself as a warm-up, then
 * spawns one thread with it and joins before printing.
 * Verdict: race-free. Main's own call ends before pthread_create, and
 * main reads only after pthread_join; only one thread is ever running the
 * routine at a time.
 */
#include <pthread.h>
#include <stdio.h>

// class: entry-shapes
// expect-none

static long rounds;

static void *step(void *arg)
{
    rounds++;
    return arg;
}

int main(void)
{
    pthread_t t;
    step(NULL);
    pthread_create(&t, NULL, step, NULL);
    pthread_join(t, NULL);
    printf("%ld\n", rounds);
    return 0;
}
