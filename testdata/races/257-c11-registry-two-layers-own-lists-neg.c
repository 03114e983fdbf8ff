/* Pattern: C11 threads; each worker builds its own result list on the
 * heap through two helper layers (results_add -> list_append ->
 * list_reserve), and main keeps a list of its own through the same
 * helpers.
 * Verdict: race-free. Each worker's list is allocated by that worker and
 * never shared; main's list is main's. The helpers are shared code, not
 * shared data.
 */
#include <stdlib.h>
#include <threads.h>

// class: generic-container-helpers
// expect-none

struct list {
    int *items;
    size_t n, cap;
};

static int list_reserve(struct list *l, size_t want)
{
    if (want <= l->cap)
        return 0;
    size_t cap = l->cap ? l->cap * 2 : 16;
    int *p = realloc(l->items, cap * sizeof *p);
    if (p == NULL)
        return -1;
    l->items = p;
    l->cap = cap;
    return 0;
}

static int list_append(struct list *l, int v)
{
    if (list_reserve(l, l->n + 1) != 0)
        return -1;
    l->items[l->n++] = v;
    return 0;
}

static int results_add(struct list *l, int v)
{
    return v % 3 == 0 ? list_append(l, v) : 0;
}

static int scan(void *arg)
{
    int base = *(const int *)arg;
    struct list *mine = calloc(1, sizeof *mine);
    if (mine == NULL)
        return -1;
    for (int v = base; v < base + 100; v++)
        results_add(mine, v);
    int found = (int)mine->n;
    free(mine->items);
    free(mine);
    return found;
}

int main(void)
{
    static const int bases[3] = { 0, 100, 200 };
    thrd_t t[3];
    struct list totals = { NULL, 0, 0 };
    for (int i = 0; i < 3; i++)
        thrd_create(&t[i], scan, (void *)&bases[i]);
    for (int i = 0; i < 3; i++) {
        int found = 0;
        list_append(&totals, i);
        thrd_join(t[i], &found);
        results_add(&totals, found);
    }
    free(totals.items);
    return 0;
}
