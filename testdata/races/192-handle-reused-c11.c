/* Pattern: one thrd_t variable reused for two threads; only the second
 * thread is joined (the first handle was overwritten).
 * Verdict: racy. The encoder thread started first is never joined; its
 * write to `encoded` races with main's read after the join of the second
 * thread.
 */
// class: join-coverage
#include <stdio.h>
#include <threads.h>

static int encoded, checked;

static int encoder(void *arg)
{
    encoded = 1; // expect: CL002
    return arg != NULL;
}

static int checker(void *arg)
{
    checked = 1;
    return arg != NULL;
}

int main(void)
{
    thrd_t t;
    if (thrd_create(&t, encoder, NULL) != thrd_success)
        return 1;
    if (thrd_create(&t, checker, NULL) != thrd_success)
        return 1;
    thrd_join(t, NULL);
    printf("%d %d\n", encoded, checked);
    return 0;
}
