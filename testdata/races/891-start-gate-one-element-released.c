/* Pattern: a pool whose gates are held across the spawns; the creator
 * marks the run cancelled, releases one slot's gate, marks the run going
 * again and releases the others.
 * Verdict: racy: the other workers pass their gates with the run going and
 * write config beside main.
 */
// class: start-gate
#include <pthread.h>
#define N 4
enum { RUN_GO, RUN_CANCELLED };
struct slot { pthread_mutex_t gate; pthread_t tid; long out; };
static struct slot slots[N];
static _Atomic int run_state;
static long config;
extern int pick_victim(void);

static void *worker(void *arg)
{
    struct slot *s = arg;
    pthread_mutex_lock(&s->gate);
    if (run_state == RUN_CANCELLED) {
        pthread_mutex_unlock(&s->gate);
        return NULL;
    }
    pthread_mutex_unlock(&s->gate);
    config = 7; // expect: CL002
    return NULL;
}

int main(void)
{
    int i, k;
    run_state = RUN_GO;
    for (i = 0; i < N; i++) {
        pthread_mutex_init(&slots[i].gate, NULL);
        pthread_mutex_lock(&slots[i].gate);
        pthread_create(&slots[i].tid, NULL, worker, &slots[i]);
        pthread_detach(slots[i].tid);
    }
    k = pick_victim();
    run_state = RUN_CANCELLED;
    pthread_mutex_unlock(&slots[k].gate);
    run_state = RUN_GO;
    for (i = 0; i < N; i++)
        if (i != k)
            pthread_mutex_unlock(&slots[i].gate);
    config = 1;
    return 0;
}
