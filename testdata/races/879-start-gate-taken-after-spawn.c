/* Pattern: 871 with the creator taking each probe's gate only after the
 * spawn: a probe may take its gate first, find the run going and read
 * sample_rate while main, after a later spawn failed, stores to it.
 * Verdict: racy. A gate guards only what the creator held before the
 * thread could reach it.
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

static void *probe_main(void *arg)
{
    struct probe *p = arg;
    pthread_mutex_lock(&p->gate);
    if (run_state == RUN_CANCELLED) {
        pthread_mutex_unlock(&p->gate);
        return NULL;
    }
    p->seen = sample_rate * 2; // expect: CL002 {{races with write in 'main'}}
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
        if (pthread_create(&p->tid, NULL, probe_main, p) != 0) {
            run_state = RUN_CANCELLED;
            break;
        }
        pthread_mutex_lock(&p->gate);
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
