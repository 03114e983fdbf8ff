/* Pattern: an accept-loop server gives each worker a heap argument
 * holding a pointer to a statistics block allocated for that worker in
 * the same round; main sums the blocks after the joins.
 * Verdict: race-free. Each stats block belongs to one worker until it is
 * joined.
 */
// class: thread-arguments
// expect-none
#include <pthread.h>
#include <stdlib.h>

struct server_stats {
    unsigned long conns, bytes;
};
struct worker_arg {
    int id;
    struct server_stats *stats;
};

static void *worker(void *p)
{
    struct worker_arg *a = p;
    a->stats->conns++;
    a->stats->bytes += 512;
    return NULL;
}

int main(void)
{
    pthread_t t[4];
    struct worker_arg *args[4];
    unsigned long total = 0;
    for (int i = 0; i < 4; i++) {
        struct worker_arg *a = malloc(sizeof *a);
        struct server_stats *st = calloc(1, sizeof *st);
        if (a == NULL || st == NULL)
            return 1;
        a->id = i;
        a->stats = st;
        args[i] = a;
        pthread_create(&t[i], NULL, worker, a);
    }
    for (int i = 0; i < 4; i++) {
        pthread_join(t[i], NULL);
        total += args[i]->stats->conns;
    }
    return (int)total;
}
