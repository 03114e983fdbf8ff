/* Pattern: C11 call_once for lazy initialization.
 * Verdict: race-free. build_index() runs once; call_once synchronizes
 * every caller with its completion, so the later reads of `index_tab` are
 * ordered after its writes.
 */
// expect-none
#include <stdio.h>
#include <threads.h>

#define NT 4
static once_flag index_once = ONCE_FLAG_INIT;
static int index_tab[128];

static void build_index(void)
{
    for (int i = 0; i < 128; i++)
        index_tab[i] = (i * 31) & 127;
}

static int worker(void *arg)
{
    call_once(&index_once, build_index);
    int s = 0;
    for (int i = 0; i < 128; i++)
        s += index_tab[i];
    return s + (arg != NULL);
}

int main(void)
{
    thrd_t t[NT];
    for (int i = 0; i < NT; i++)
        thrd_create(&t[i], worker, NULL);
    for (int i = 0; i < NT; i++)
        thrd_join(t[i], NULL);
    printf("%d\n", index_tab[1]);
    return 0;
}
