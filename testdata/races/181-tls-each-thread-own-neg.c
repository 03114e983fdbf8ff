/* Pattern: every thread passes its own __thread buffer to helpers.
 * Verdict: race-free. Each worker hands &tl_buf / &tl_state (its own
 * instances) to helpers that write through the pointers; no address
 * leaves the thread, so no two threads touch the same instance.
 */
// class: thread-local-escape
// expect-none
#include <pthread.h>
#include <stdio.h>
#include <string.h>

struct state { int depth; long steps; };
static __thread char tl_buf[64];
static __thread struct state tl_state;

static void push(struct state *st)
{
    st->depth++;
    st->steps++;
}

static void render(char *dst, size_t cap, const struct state *st)
{
    snprintf(dst, cap, "%d/%ld", st->depth, st->steps);
}

static void *worker(void *arg)
{
    for (int i = 0; i < 100; i++) {
        push(&tl_state);
        render(tl_buf, sizeof tl_buf, &tl_state);
    }
    memset(tl_buf, 0, sizeof tl_buf);
    return arg;
}

int main(void)
{
    pthread_t t[4];
    for (int i = 0; i < 4; i++)
        pthread_create(&t[i], NULL, worker, NULL);
    push(&tl_state);
    for (int i = 0; i < 4; i++)
        pthread_join(t[i], NULL);
    return 0;
}
