/* Pattern: an all-or-nothing pool start. The creator holds each probe's
 * gate across its spawn; when one spawn fails it marks the run cancelled,
 * opens every gate and returns at once, without waiting. A probe's first
 * act past its gate is to leave when the run is cancelled (the mark is
 * atomic: reading it races with nothing).
 * Verdict: race-free: where start_probes returns -1 the probes do nothing
 * but test the mark, so main's later store to sample_rate meets no probe
 * that reads it; on success main waits for every probe's report.
 */
// class: start-gate
// expect-none
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

static void *probe_main(void *arg)
{
    struct probe *p = arg;
    pthread_mutex_lock(&p->gate);
    if (run_state == RUN_CANCELLED) {
        pthread_mutex_unlock(&p->gate);
        return NULL;
    }
    p->seen = sample_rate * 2;
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
