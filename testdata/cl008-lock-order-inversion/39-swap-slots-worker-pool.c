/* CL008 positive (a job scheduler): workers steal work by swapping two
 * queue slots; swap_slots() locks slot a, then slot b. One worker swaps
 * (2, 5) while another swaps (5, 2): each holds one slot lock and waits
 * for the other's.
 */
#include <pthread.h>
#include <stddef.h>

#define NSLOTS 32
#define NWORKERS 3

struct slot {
    pthread_mutex_t lock;
    int job;
};

struct sched {
    struct slot slots[NSLOTS];
};

struct worker {
    pthread_t tid;
    struct sched *s;
    size_t home;
};

static void swap_slots(struct sched *s, size_t a, size_t b)
{
    pthread_mutex_lock(&s->slots[a].lock);
    pthread_mutex_lock(&s->slots[b].lock); // expect: CL008 {{take the element with the lower index first}}
    int j = s->slots[a].job;
    s->slots[a].job = s->slots[b].job;
    s->slots[b].job = j;
    pthread_mutex_unlock(&s->slots[b].lock);
    pthread_mutex_unlock(&s->slots[a].lock);
}

static void *run(void *arg)
{
    struct worker *w = arg;
    for (size_t k = 0; k < NSLOTS; k++)
        if (k != w->home)
            swap_slots(w->s, w->home, k);
    return NULL;
}

int main(void)
{
    static struct sched sched;
    struct worker ws[NWORKERS];
    for (int i = 0; i < NSLOTS; i++)
        pthread_mutex_init(&sched.slots[i].lock, NULL);
    for (size_t i = 0; i < NWORKERS; i++) {
        ws[i].s = &sched;
        ws[i].home = i * 5;
        pthread_create(&ws[i].tid, NULL, run, &ws[i]);
    }
    for (size_t i = 0; i < NWORKERS; i++)
        pthread_join(ws[i].tid, NULL);
    return 0;
}
