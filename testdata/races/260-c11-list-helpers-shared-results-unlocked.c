/* Pattern: two-layer list helpers as in 257 (results_add -> list_append),
 * but the C11 workers append to one global result list instead of their
 * own.
 * Verdict: racy. Every worker runs list_append on `all_results` with no
 * lock: the helper's count update races with itself across workers. Its
 * test, its count update and its store are one unguarded append: one
 * finding.
 */
#include <threads.h>

// class: generic-container-helpers

enum { CAP = 256 };

struct list {
    int items[CAP];
    size_t n;
};

static struct list all_results;

static void list_append(struct list *l, int v)
{
    if (l->n < CAP) // expect-related: CL002 {{conflicting read of 'l->n' in 'list_append'}}
        l->items[l->n++] = v; // expect: CL002 {{races with itself}} {{and 2 more races on}}
}

static void results_add(struct list *l, int v)
{
    if (v % 3 == 0)
        list_append(l, v);
}

static int scan(void *arg)
{
    int base = *(const int *)arg;
    for (int v = base; v < base + 100; v++)
        results_add(&all_results, v);
    return 0;
}

int main(void)
{
    static const int bases[3] = { 0, 100, 200 };
    thrd_t t[3];
    for (int i = 0; i < 3; i++)
        thrd_create(&t[i], scan, (void *)&bases[i]);
    for (int i = 0; i < 3; i++)
        thrd_join(t[i], NULL);
    return 0;
}
