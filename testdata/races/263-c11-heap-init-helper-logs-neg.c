/* Pattern: a C11 dispatcher allocates a task per round and fills it with
 * task_init, which also logs through a logger that registers an atexit
 * flush on first use (a call passing a function); then it starts the
 * task's thread.
 * Verdict: race-free. task_init writes the round's own task before
 * thrd_create. The function the logger passes to atexit takes nothing of
 * the task: only a helper that passes the object itself on, with a
 * function, hands it over.
 */
#include <stdio.h>
#include <stdlib.h>
#include <threads.h>

// class: heap-init-helpers
// expect-none

struct task {
    thrd_t thr;
    int prio;
    long budget;
};

static FILE *log_out;

static void log_flush(void)
{
    if (log_out != NULL)
        fflush(log_out);
}

static void log_line(const char *what, int n)
{
    if (log_out == NULL) {
        log_out = stderr;
        atexit(log_flush);
    }
    fprintf(log_out, "%s %d\n", what, n);
}

static void task_init(struct task *t, int prio)
{
    t->prio = prio;
    t->budget = 1000L * prio;
    log_line("task", prio);
}

static int task_run(void *arg)
{
    struct task *t = arg;
    while (t->budget > 0)
        t->budget -= t->prio;
    return 0;
}

int main(void)
{
    struct task *all[4];
    int n = 0;
    for (int prio = 1; prio <= 4; prio++) {
        struct task *t = malloc(sizeof *t);
        if (t == NULL)
            break;
        task_init(t, prio);
        if (thrd_create(&t->thr, task_run, t) != thrd_success) {
            free(t);
            break;
        }
        all[n++] = t;
    }
    for (int i = 0; i < n; i++) {
        thrd_join(all[i]->thr, NULL);
        free(all[i]);
    }
    return 0;
}
