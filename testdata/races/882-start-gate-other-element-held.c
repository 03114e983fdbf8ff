/* Pattern: the creator holds slot 0's lock for its own setup while it
 * starts the workers of the other slots; each worker's gate is its own
 * slot's lock, which nobody holds.
 * Verdict: racy: the workers pass their gates at once and read sample_rate
 * while main stores to it. Only the lock the thread will take is its gate.
 */
// class: start-gate
#include <pthread.h>
#define NSLOTS 4
enum { RUN_GO, RUN_CANCELLED };
struct slot { pthread_t tid; pthread_mutex_t lock; long seen; };
static struct slot slots[NSLOTS];
static _Atomic int run_state;
static long sample_rate = 10;
extern int setup(void);

static void *slot_main(void *arg)
{
    struct slot *s = arg;
    pthread_mutex_lock(&s->lock);
    if (run_state == RUN_CANCELLED) {
        pthread_mutex_unlock(&s->lock);
        return NULL;
    }
    s->seen = sample_rate; // expect: CL002
    pthread_mutex_unlock(&s->lock);
    return NULL;
}

int main(void)
{
    int i;
    for (i = 0; i < NSLOTS; i++)
        pthread_mutex_init(&slots[i].lock, NULL);
    run_state = RUN_GO;
    pthread_mutex_lock(&slots[0].lock);
    for (i = 1; i < NSLOTS; i++)
        if (pthread_create(&slots[i].tid, NULL, slot_main, &slots[i]) == 0)
            pthread_detach(slots[i].tid);
    if (setup() < 0) {
        run_state = RUN_CANCELLED;
        pthread_mutex_unlock(&slots[0].lock);
        sample_rate = 0;
        return 1;
    }
    pthread_mutex_unlock(&slots[0].lock);
    return 0;
}
