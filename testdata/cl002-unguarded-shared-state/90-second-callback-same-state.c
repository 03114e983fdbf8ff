/* Pattern: a worker hands callbacks to a project helper that calls them
 * through its function-pointer parameter: first `check` (reads only its
 * argument), then `account`, which updates a global total that main also
 * updates.
 * Verdict: racy. `account` runs on the worker (through `visit`) and writes
 * `total` without a lock while main writes it too. The second call of the
 * helper, with another callback, does other things than the first.
 * Known miss: the flow engine's memo key of a call does not hold the
 * callbacks it passes, so the second call from the same state reuses the
 * first call's result (see frame_values in analysis/flow.c).
 */
#include <pthread.h>

static long total;

static void for_each(const int *items, int n, void (*visit)(int))
{
    for (int i = 0; i < n; i++)
        visit(items[i]);
}

static int bad;

static void check(int v)
{
    if (v < 0)
        bad = 1; /* only the worker writes it */
}

static void account(int v)
{
    total += v; // expect-todo: CL002 {{races with write}} -- memo key without the callback
}

static void *worker(void *arg)
{
    static const int batch[3] = { 1, 2, 3 };
    (void)arg;
    for_each(batch, 3, check);
    for_each(batch, 3, account);
    return NULL;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, worker, NULL);
    total += 100;
    pthread_join(t, NULL);
    return (int)total;
}
