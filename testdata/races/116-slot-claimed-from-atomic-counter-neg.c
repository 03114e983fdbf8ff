/* Pattern: event-loop workers that each claim their own entry of a global
 * worker table with an atomic counter at startup (`me = &workers[id]`)
 * and then keep their connection counts there, directly and through a
 * helper.
 * Verdict: race-free. `id` comes from atomic_fetch_add, so every thread
 * has a different entry; the counter itself is atomic; main reads the
 * table after joining the workers.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>

// class: per-thread-slots
// expect-none

enum { NWORKERS = 4 };

struct worker {
    int epfd;
    unsigned long conns;
    unsigned long closed;
};

static struct worker workers[NWORKERS];
static atomic_int next_worker;

static void on_close(struct worker *w)
{
    w->closed++;
}

static void *event_worker(void *arg)
{
    int id = atomic_fetch_add(&next_worker, 1);
    if (id >= NWORKERS)
        return arg;
    struct worker *me = &workers[id];
    me->epfd = -1;
    for (int ev = 0; ev < 100; ev++) {
        me->conns++;
        if (ev % 3 == 0)
            on_close(me);
    }
    return arg;
}

int main(void)
{
    pthread_t tids[NWORKERS];
    for (int i = 0; i < NWORKERS; i++)
        pthread_create(&tids[i], NULL, event_worker, NULL);
    unsigned long conns = 0;
    for (int i = 0; i < NWORKERS; i++)
        pthread_join(tids[i], NULL);
    for (int i = 0; i < NWORKERS; i++)
        conns += workers[i].conns - workers[i].closed;
    printf("%lu open\n", conns);
    return 0;
}
