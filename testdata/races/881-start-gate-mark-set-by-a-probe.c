/* Pattern: 871's pool, where a probe that fails its own work marks the run
 * cancelled itself. The creator's test of the mark after opening the gates
 * then says nothing of the probes that passed theirs before.
 * Verdict: racy: a probe past its gate reads sample_rate while main, back
 * from start_probes with -1, stores to it. A gate's test counts only when
 * no thread can change the global it tests.
 */
// class: start-gate
#include <pthread.h>
#define NPROBES 4
enum { RUN_GO, RUN_CANCELLED };
struct probe {
    pthread_t tid;
    pthread_mutex_t gate;
    pthread_cond_t reported;
    int ready;
    long seen;
};
static struct probe probes[NPROBES];
static _Atomic int run_state;
static long sample_rate = 10;
extern int probe_work(struct probe *p);

static void *probe_main(void *arg)
{
    struct probe *p = arg;
    pthread_mutex_lock(&p->gate);
    if (run_state == RUN_CANCELLED) {
        pthread_mutex_unlock(&p->gate);
        return NULL;
    }
    if (probe_work(p) < 0)
        run_state = RUN_CANCELLED;
    p->seen = sample_rate * 2; // expect: CL002
    p->ready = 1;
    pthread_cond_signal(&p->reported);
    pthread_mutex_unlock(&p->gate);
    return NULL;
}

static int start_probes(void)
{
    int i, started = 0;
    run_state = RUN_GO;
    for (i = 0; i < NPROBES; i++) {
        struct probe *p = &probes[i];
        pthread_mutex_init(&p->gate, NULL);
        pthread_cond_init(&p->reported, NULL);
        pthread_mutex_lock(&p->gate);
        if (pthread_create(&p->tid, NULL, probe_main, p) != 0) {
            pthread_mutex_unlock(&p->gate);
            run_state = RUN_CANCELLED;
            break;
        }
        pthread_detach(p->tid);
        started++;
    }
    for (i = 0; i < started; i++)
        pthread_mutex_unlock(&probes[i].gate);
    if (run_state == RUN_CANCELLED)
        return -1;
    for (i = 0; i < NPROBES; i++) {
        struct probe *p = &probes[i];
        pthread_mutex_lock(&p->gate);
        while (!p->ready)
            pthread_cond_wait(&p->reported, &p->gate);
        pthread_mutex_unlock(&p->gate);
    }
    return 0;
}

int main(void)
{
    long total = 0;
    if (start_probes() < 0) {
        sample_rate = 1;
        return 1;
    }
    for (int i = 0; i < NPROBES; i++)
        total += probes[i].seen;
    sample_rate = total;
    return 0;
}
