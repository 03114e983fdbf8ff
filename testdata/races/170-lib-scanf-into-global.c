/* Pattern: a global written by scanf while a thread reads it.
 * Verdict: racy. The monitor thread polls `limit` and `unit` without a
 * lock; main reads new values into them with scanf("%d", &limit) and
 * scanf("%15s", unit) after the monitor started: library writes through
 * the addresses it passes.
 */
// class: library-accesses
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <unistd.h>

static int limit = 10;
static char unit[16] = "ms";
static atomic_int stop;

static void *monitor(void *arg)
{
    long seen = 0;
    while (!stop) {
        if (seen++ > limit) // expect: CL002 {{read of 'limit' in 'monitor'}}
            printf("over %s\n", unit); // expect: CL002 {{read of 'unit'}}
        usleep(1000);
    }
    return arg;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, monitor, NULL);
    if (scanf("%d", &limit) != 1) // expect-related: CL002 {{conflicting write of 'limit' in 'main'}}
        limit = 10;
    if (scanf("%15s", unit) != 1) // expect-related: CL002 {{conflicting write of 'unit'}}
        unit[0] = '\0';
    stop = 1;
    pthread_join(t, NULL);
    return 0;
}
