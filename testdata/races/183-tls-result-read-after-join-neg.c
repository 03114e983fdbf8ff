/* Pattern: a child writes into its creator's thread_local, then is joined.
 * Verdict: race-free, C11 threads. main lends &result (its own
 * thread_local instance) to one worker that fills it; main reads result
 * only after thrd_join, so the accesses are ordered.
 */
// class: thread-local-escape
// expect-none
#include <stdio.h>
#include <string.h>
#include <threads.h>

struct result { int code; char msg[32]; };
static thread_local struct result result;

static int compute(void *arg)
{
    struct result *r = arg;
    r->code = 42;
    strcpy(r->msg, "ok");
    return 0;
}

int main(void)
{
    thrd_t t;
    result.code = -1;
    thrd_create(&t, compute, &result);
    thrd_join(t, NULL);
    printf("%d %s\n", result.code, result.msg);
    return 0;
}
