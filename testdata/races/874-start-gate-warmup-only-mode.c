/* Pattern: a benchmark harness with a warm-up-only mode. Each timer
 * thread passes two gates its creator holds across the spawn: past the
 * first it warms up and reports under its lock, past the second it
 * measures until told to stop. Option parsing sets the mode and runs the
 * whole harness at once; harness_init ends with "stop after warm-up" in
 * that mode, before harness_go opens the second gates.
 * Verdict: race-free: in warm-up-only mode no timer passes its second
 * gate (the mode was stored just before, and harness_init decided by it),
 * and harness_init waited for every warm-up report, so main's later
 * store to tick_scale meets no timer that reads it. (Known false
 * positive, pre-existing: the timer's measuring-phase store to t->state
 * is taken as concurrent with harness_init's warm-up wait, which runs
 * while the go gate is still closed.)
 */
// class: start-gate
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#define NTIMERS 3

enum { H_RUN, H_ABORT, H_WARM_DONE, H_STOP };
enum { MODE_OFF, MODE_WARMUP_ONLY, MODE_FULL };
enum { TM_NEW, TM_WARM, TM_DONE };

struct timer {
    pthread_t tid;
    pthread_mutex_t warm_gate, go_gate;
    pthread_cond_t changed;
    int state;
    long warm_ticks, ticks;
};

static struct timer timers[NTIMERS];
static _Atomic int harness_state;
static int bench_mode;
static long tick_scale = 1;

static long scaled(long v)
{
    return v * tick_scale;
}

static void note_exit(const struct timer *t)
{
    (void)t;
}

static void *timer_main(void *arg)
{
    struct timer *t = arg;
    pthread_mutex_lock(&t->warm_gate);
    if (harness_state == H_ABORT) {
        pthread_mutex_unlock(&t->warm_gate);
        goto out;
    }
    t->warm_ticks = scaled(100);
    t->state = TM_WARM;
    pthread_cond_signal(&t->changed);
    pthread_mutex_unlock(&t->warm_gate);

    pthread_mutex_lock(&t->go_gate);
    if (harness_state == H_WARM_DONE) {
        pthread_mutex_unlock(&t->go_gate);
        goto out;
    }
    while (harness_state != H_STOP)
        t->ticks = scaled(t->ticks + 1);
    t->state = TM_DONE; // fp-todo: CL002 -- harness_init reads it before it opens the go gates
    pthread_cond_signal(&t->changed);
    pthread_mutex_unlock(&t->go_gate);
out:
    note_exit(t);
    return NULL;
}

static void harness_init(void)
{
    int i;
    harness_state = H_RUN;
    if (bench_mode == MODE_OFF)
        return;
    for (i = 0; i < NTIMERS; i++) {
        struct timer *t = &timers[i];
        pthread_mutex_init(&t->warm_gate, NULL);
        pthread_mutex_init(&t->go_gate, NULL);
        pthread_cond_init(&t->changed, NULL);
        pthread_mutex_lock(&t->warm_gate);
        pthread_mutex_lock(&t->go_gate);
        if (pthread_create(&t->tid, NULL, timer_main, t) != 0) {
            harness_state = H_ABORT;
            break;
        }
        pthread_detach(t->tid);
    }
    for (i = 0; i < NTIMERS; i++)
        pthread_mutex_unlock(&timers[i].warm_gate);
    if (harness_state == H_ABORT)
        return;
    for (i = 0; i < NTIMERS; i++) {
        struct timer *t = &timers[i];
        pthread_mutex_lock(&t->warm_gate);
        while (t->state != TM_WARM)
            pthread_cond_wait(&t->changed, &t->warm_gate);
        pthread_mutex_unlock(&t->warm_gate);
    }
    if (bench_mode == MODE_WARMUP_ONLY)
        harness_state = H_WARM_DONE;
}

static void harness_go(void)
{
    if (bench_mode == MODE_OFF)
        return;
    for (int i = 0; i < NTIMERS; i++)
        pthread_mutex_unlock(&timers[i].go_gate);
}

static void harness_finish(void)
{
    if (bench_mode != MODE_FULL)
        return;
    harness_state = H_STOP;
    for (int i = 0; i < NTIMERS; i++) {
        struct timer *t = &timers[i];
        pthread_mutex_lock(&t->go_gate);
        while (t->state != TM_DONE)
            pthread_cond_wait(&t->changed, &t->go_gate);
        pthread_mutex_unlock(&t->go_gate);
    }
}

static int parse_bench_option(const char *arg)
{
    bench_mode = MODE_OFF;
    if (strcmp(arg, "warmup") == 0) {
        bench_mode = MODE_WARMUP_ONLY;
        harness_init();
        harness_go();
        harness_finish();
        return 1;
    }
    if (strcmp(arg, "full") == 0) {
        bench_mode = MODE_FULL;
        return 0;
    }
    return -1;
}

int main(int argc, char **argv)
{
    if (argc > 2 && parse_bench_option(argv[1]) == 1)
        tick_scale = atol(argv[2]);
    return 0;
}
