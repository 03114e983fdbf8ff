/* Pattern: every session thread (started once per accepted session) owns
 * a heap array of helper workers; it starts them through a helper given
 * the loop index, which fills the worker's slot and back pointer before
 * pthread_create.
 * Verdict: race-free. Sessions have their own arrays, and in one session
 * each slot is written before its worker starts.
 */
// expect-none
#include <pthread.h>
#include <stdlib.h>

struct session;

struct worker {
    pthread_t tid;
    struct session *owner;
    int slot;
};

struct session {
    pthread_t tid;
    struct worker *workers;
    int nworkers;
    int id;
};

static void *worker_main(void *arg)
{
    struct worker *w = arg;
    return (void *)(long)(w->owner->id * 16 + w->slot);
}

static int spawn_worker(struct session *s, int slot)
{
    struct worker *w = &s->workers[slot];
    w->owner = s;
    w->slot = slot;
    return pthread_create(&w->tid, NULL, worker_main, w);
}

static void *session_main(void *arg)
{
    struct session *s = arg;
    s->nworkers = 3;
    s->workers = calloc((size_t)s->nworkers, sizeof *s->workers);
    if (s->workers == NULL)
        return NULL;
    int started = 0;
    for (int k = 0; k < s->nworkers; k++) {
        if (spawn_worker(s, k) != 0)
            break;
        started++;
    }
    for (int k = 0; k < started; k++)
        pthread_join(s->workers[k].tid, NULL);
    free(s->workers);
    return NULL;
}

int main(void)
{
    struct session *all = calloc(4, sizeof *all);
    if (all == NULL)
        return 1;
    for (int i = 0; i < 4; i++) {
        all[i].id = i;
        pthread_create(&all[i].tid, NULL, session_main, &all[i]);
    }
    for (int i = 0; i < 4; i++)
        pthread_join(all[i].tid, NULL);
    free(all);
    return 0;
}
