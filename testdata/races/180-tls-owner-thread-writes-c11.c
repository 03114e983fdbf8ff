/* Pattern: a thread hands its own thread_local buffer to a child, C11.
 * Verdict: racy. The parser thread starts a logger thread with the address
 * of its thread_local `scratch` and keeps writing scratch.len; the logger
 * writes scratch.len through the pointer at the same time.
 */
// class: thread-local-escape
#include <stdio.h>
#include <threads.h>

struct scratch { char text[32]; int len; };
static thread_local struct scratch scratch;

static int logger(void *arg)
{
    struct scratch *s = arg;
    s->len = 0; // expect: CL002 {{write to 's->len' in 'logger'}}
    return 0;
}

static int parser(void *arg)
{
    thrd_t lg;
    thrd_create(&lg, logger, &scratch);
    for (int i = 0; i < 16; i++)
        scratch.len = i; // expect-related: CL002
    thrd_join(lg, NULL);
    return arg != NULL;
}

int main(void)
{
    thrd_t p;
    thrd_create(&p, parser, NULL);
    thrd_join(p, NULL);
    return 0;
}
