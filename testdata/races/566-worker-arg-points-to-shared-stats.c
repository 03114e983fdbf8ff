/* Pattern: an accept-loop server gives each worker its own heap argument
 * (its socket and its id) and, in it, a pointer to the one statistics
 * block allocated at start-up; workers count their connections there.
 * Verdict: racy. Every worker's argument points to the same stats block,
 * and the counters are bumped with no lock.
 */
// class: thread-arguments
#include <pthread.h>
#include <stdlib.h>

struct server_stats {
    unsigned long conns, bytes;
};
struct worker_arg {
    int id, fd;
    struct server_stats *stats;
};

static void *worker(void *p)
{
    struct worker_arg *a = p;
    a->stats->conns++; // expect: CL002
    a->stats->bytes += 512;
    free(a);
    return NULL;
}

int main(void)
{
    pthread_t t[4];
    struct server_stats *stats = calloc(1, sizeof *stats);
    if (stats == NULL)
        return 1;
    for (int i = 0; i < 4; i++) {
        struct worker_arg *a = malloc(sizeof *a);
        if (a == NULL)
            return 1;
        a->id = i;
        a->fd = 100 + i;
        a->stats = stats;
        pthread_create(&t[i], NULL, worker, a);
    }
    for (int i = 0; i < 4; i++)
        pthread_join(t[i], NULL);
    return (int)stats->conns;
}
