/* Pattern: a loop that starts its helper thread on the first round only
 * and updates a parameter at the top of every round.
 * Verdict: racy. In round 0 the write to `batch_size` comes before the
 * spawn, but from round 1 on the helper is running while main writes it.
 */
// class: spawn-paths
#include <pthread.h>
#include <stdio.h>

static int batch_size;

static void *helper(void *arg)
{
    long done = 0;
    for (int i = 0; i < 100; i++)
        done += batch_size; // expect: CL002
    return (void *)done;
}

int main(void)
{
    pthread_t h;
    int started = 0;
    for (int round = 0; round < 8; round++) {
        batch_size = 16 << round; // expect-related: CL002 {{conflicting write}}
        if (!started) {
            pthread_create(&h, NULL, helper, NULL);
            started = 1;
        }
    }
    if (started)
        pthread_join(h, NULL);
    printf("%d\n", batch_size);
    return 0;
}
