/* Pattern: a helper that starts one thread and joins it before returning
 * (`run_once()`), called from a loop in main; main updates the shared
 * value between calls.
 * Verdict: race-free. Each thread is joined inside the helper, so no two
 * threads and no main access ever overlap.
 */
#include <pthread.h>
#include <stdio.h>

// class: spawn-helpers
// expect-none

static int value;

static void *twice(void *arg)
{
    value *= 2;
    return arg;
}

static void run_once(void)
{
    pthread_t t;
    pthread_create(&t, NULL, twice, NULL);
    pthread_join(t, NULL);
}

int main(void)
{
    value = 1;
    for (int i = 0; i < 4; i++) {
        run_once();
        value += 1;
    }
    printf("%d\n", value);
    return 0;
}
