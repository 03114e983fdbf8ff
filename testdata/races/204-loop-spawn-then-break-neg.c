/* Pattern: a loop that prepares the shared setting on every round and
 * leaves right after it starts the thread.
 * Verdict: race-free. The write to `port` is always before the spawn: the
 * loop never comes back to it once the server thread runs.
 */
// class: spawn-paths
// expect-none
#include <pthread.h>
#include <stdio.h>

static int port;

static void *server(void *arg)
{
    printf("listening on %d\n", port);
    return arg;
}

static int port_free(int p)
{
    return p % 3 == 0;
}

int main(void)
{
    pthread_t s;
    for (int p = 8000;; p++) {
        port = p;
        if (port_free(p)) {
            pthread_create(&s, NULL, server, NULL);
            break;
        }
    }
    pthread_join(s, NULL);
    return 0;
}
