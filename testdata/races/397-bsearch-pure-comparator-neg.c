/* Pattern: two lookup threads bsearch a table that main built before
 * starting them; the comparator only reads its arguments.
 * Verdict: race-free. The table is written before the threads start and
 * only read afterwards; the comparator touches nothing shared.
 */
// expect-none
#include <pthread.h>
#include <stdlib.h>

static int table[128];
static int found[2];

static int cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

static void *lookup(void *arg)
{
    int *slot = arg;
    int key = 42;
    *slot = bsearch(&key, table, 128, sizeof table[0], cmp_int) != NULL;
    return NULL;
}

int main(void)
{
    for (int i = 0; i < 128; i++)
        table[i] = i;
    pthread_t t[2];
    for (int i = 0; i < 2; i++)
        if (pthread_create(&t[i], NULL, lookup, &found[i]) != 0)
            return 1;
    for (int i = 0; i < 2; i++)
        pthread_join(t[i], NULL);
    return found[0] + found[1];
}
