/* Pattern: a logger thread drains a message stack under `stk_lock`
 * through stk_take; main records each message through stk_put on
 * `journal`, a pointer it set up to point at the same stack, and takes
 * no lock there.
 * Verdict: racy. `journal` is `&msgs`: the unlocked stk_put through it
 * races with the logger's locked stk_take on the same stack (the helper
 * is bound to what each call passes, so both name `msgs`). stk_put's test
 * and its two writes are one unguarded push: one finding.
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
    if (s->top >= 32) // expect-related: CL002 {{also reads 's->top' in 'stk_put'}}
        return -1;
    s->slot[s->top++] = m; // expect: CL002 {{write to 's->slot[]' in 'stk_put' races with read in 'stk_take'}} {{and 2 more races on 'msgs'}}
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
