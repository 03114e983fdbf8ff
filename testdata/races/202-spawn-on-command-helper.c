/* Pattern: a command loop; one command starts the background flusher,
 * every command sets the current level through a helper function.
 * Verdict: racy. set_level() writes `level` without a lock; after the
 * "start" command the flusher reads it concurrently.
 */
// class: spawn-paths
#include <pthread.h>
#include <stdio.h>
#include <string.h>

static int level;
static pthread_t flusher;

static void *flush_main(void *arg)
{
    long n = 0;
    for (int i = 0; i < 500; i++)
        n += level; // expect: CL002
    return (void *)n;
}

static void set_level(int v)
{
    level = v; // expect-related: CL002 {{conflicting write}}
}

int main(int argc, char **argv)
{
    int running = 0;
    for (int i = 1; i < argc; i++) {
        set_level(i);
        if (strcmp(argv[i], "start") == 0 && !running) {
            pthread_create(&flusher, NULL, flush_main, NULL);
            running = 1;
        }
    }
    if (running)
        pthread_join(flusher, NULL);
    return 0;
}
