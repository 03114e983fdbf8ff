/* Pattern: a thread table allocated zeroed; the spawn loop fills it from
 * the front, and the join loop walks it `while (i < n && tids[i])`,
 * stopping at the first slot no thread was started into. Afterwards main
 * prints the statistics the workers kept under a lock and frees them.
 * Verdict: race-free. Every worker's handle is non-zero and in the
 * filled prefix, so the join loop joins all of them before main reads.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

// class: join-loop-bounds
// expect-none

static struct {
    pthread_mutex_t lock;
    long requests;
} stats = { PTHREAD_MUTEX_INITIALIZER, 0 };

static void *client_main(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&stats.lock);
    stats.requests++;
    pthread_mutex_unlock(&stats.lock);
    return NULL;
}

int main(int argc, char **argv)
{
    int n = argc > 1 ? atoi(argv[1]) : 8;
    pthread_t *tids = calloc((size_t)n, sizeof *tids);
    int i;

    if (tids == NULL)
        return 1;
    for (i = 0; i < n; i++)
        pthread_create(&tids[i], NULL, client_main, NULL);
    i = 0;
    while (i < n && tids[i]) {
        pthread_join(tids[i], NULL);
        i++;
    }
    printf("%ld requests\n", stats.requests);
    free(tids);
    return 0;
}
