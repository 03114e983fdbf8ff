/* Pattern: a worker hands a callback to a project helper that calls it
 * through its function-pointer parameter (`for_each(items, n, account)`);
 * the callback updates a global total that main also updates.
 * Verdict: racy. `account` runs on the worker (through `visit`) and writes
 * `total` without a lock while main writes it too.
 */
// class: callback-parameters
#include <pthread.h>

static long total;

static void for_each(const int *items, int n, void (*visit)(int))
{
    for (int i = 0; i < n; i++)
        visit(items[i]);
}

static void account(int v)
{
    total += v; // expect: CL002 {{races with write}}
}

static void *worker(void *arg)
{
    static const int batch[3] = { 1, 2, 3 };
    (void)arg;
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
