/* Pattern: a logger thread drains a message stack under `stk_lock`
 * through stk_take; main records each message through stk_put on
 * `journal`, a pointer it set up to point at the same stack, and takes
 * no lock there.
 * Verdict: racy. `journal` is `&msgs`: the unlocked stk_put through it
 * races with the logger's locked stk_take on the same stack (the helper
 * is bound to what each call passes, so both name `msgs`).
 */
#include <pthread.h>
#include <stdio.h>

// class: generic-container-helpers

struct stk {
    const char *slot[32];
    unsigned top;
};

static struct stk msgs;
static struct stk *journal = &msgs;
static pthread_mutex_t stk_lock = PTHREAD_MUTEX_INITIALIZER;

static int stk_put(struct stk *s, const char *m)
{
    if (s->top >= 32) // expect: CL002 {{races with write in 'stk_take'}}
        return -1;
    s->slot[s->top++] = m; // expect: CL002 CL002
    return 0;
}

static const char *stk_take(struct stk *s)
{
    return s->top > 0 ? s->slot[--s->top] : NULL;
}

static void *logger(void *arg)
{
    int idle = 0;
    (void)arg;
    do {
        pthread_mutex_lock(&stk_lock);
        const char *m = stk_take(&msgs);
        pthread_mutex_unlock(&stk_lock);
        if (m != NULL)
            fputs(m, stderr);
        else
            idle++;
    } while (idle < 1000);
    return NULL;
}

int main(void)
{
    pthread_t lg;
    static const char *const lines[] = { "start\n", "ready\n", "stop\n" };
    pthread_create(&lg, NULL, logger, NULL);
    for (unsigned i = 0; i < 3; i++)
        stk_put(journal, lines[i]);
    pthread_join(lg, NULL);
    return 0;
}
