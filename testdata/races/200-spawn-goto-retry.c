/* Pattern: a start-up sequence that jumps back: main sets `mode`, starts
 * the watcher, and on a bad reading goes back to the top to pick another
 * mode, writing `mode` again while the watcher runs.
 * Verdict: racy. The first pass writes `mode` before the spawn, but the
 * goto brings main back to that write with the watcher started.
 */
// class: spawn-paths
#include <pthread.h>
#include <stdio.h>

static int mode;
static int readings[3] = { -1, -1, 5 };

static void *watcher(void *arg)
{
    long seen = 0;
    for (int i = 0; i < 1000; i++)
        seen += mode; // expect: CL002
    return (void *)seen;
}

int main(void)
{
    pthread_t w[3];
    int attempt = 0;
again:
    mode = attempt + 1; // expect-related: CL002 {{conflicting write}}
    pthread_create(&w[attempt], NULL, watcher, NULL);
    if (readings[attempt] < 0 && attempt < 2) {
        attempt++;
        goto again;
    }
    for (int i = 0; i <= attempt; i++)
        pthread_join(w[i], NULL);
    printf("%d\n", mode);
    return 0;
}
